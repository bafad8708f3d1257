namespace Harness.Baselines;

/// <summary>
/// Whether verified files may be written. Following Verify: never implicitly; only when the user asks
/// (<c>HARNESS_ACCEPT=1</c>), and never on CI (<c>CI=true</c>), whatever else is set.
/// </summary>
internal sealed record BaselinePolicy(bool Accept, bool IsCi)
{
    public const string AcceptVariable = "HARNESS_ACCEPT";

    public static BaselinePolicy FromEnvironment() =>
        From(Environment.GetEnvironmentVariable("CI"), Environment.GetEnvironmentVariable(AcceptVariable));

    public static BaselinePolicy From(string? ci, string? accept)
    {
        var isCi = IsTrue(ci);
        return new BaselinePolicy(Accept: !isCi && IsTrue(accept), IsCi: isCi);
    }

    private static bool IsTrue(string? value) => value is not null &&
        (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase)
            || value.Equals("yes", StringComparison.OrdinalIgnoreCase));
}

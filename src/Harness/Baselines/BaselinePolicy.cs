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

    /// <summary>How to accept the received file of <paramref name="run"/>, as every test that wrote one says it. With CI=true
    /// nothing is accepted, so it says where to instead of a command that would be refused.</summary>
    public string HowToAccept(string run)
    {
        var how = $"{AcceptVariable}=1 dotnet test, or harness accept --run {run}";
        return IsCi ? $"accept it where CI is not set ({how}) and commit the verified file; with CI=true nothing is accepted"
            : $"accept it: {how}";
    }

    private static bool IsTrue(string? value) => value is not null &&
        (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase)
            || value.Equals("yes", StringComparison.OrdinalIgnoreCase));
}

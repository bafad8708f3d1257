namespace Harness.Tests;

/// <summary>
/// For a test that cannot check here what it exists to check (it needs root, a tool, a mount). On CI (<c>CI=true</c>) it
/// fails, naming the fix, since a check that never runs where every push is tested protects nothing; elsewhere it is
/// inconclusive, with the reason, so a developer's machine without the means is not a failure.
/// </summary>
internal static class CannotCheck
{
    /// <summary>CI as the harness itself reads it.</summary>
    public static bool OnCi => Harness.Baselines.BaselinePolicy.FromEnvironment().IsCi;

    /// <param name="reason">Why the check cannot run here.</param>
    /// <param name="fix">What makes it run.</param>
    public static void Here(string reason, string fix)
    {
        if (OnCi) Assert.Fail($"Not checked on CI: {reason}. Fix: {fix}.");
        Assert.Inconclusive($"Not checked: {reason} ({fix}).");
    }
}

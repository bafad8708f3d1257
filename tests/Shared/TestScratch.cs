namespace Harness.Tests;

/// <summary>
/// Per-test scratch paths under the system temp folder. NUnit's test ids repeat from one process to the next, so a name
/// built from the id alone collides when two test runs share a machine (two checkouts, or CI jobs on one runner): the
/// process id keeps them apart.
/// </summary>
internal static class TestScratch
{
    public static string Name(string prefix) => $"{prefix}-{TestContext.CurrentContext.Test.ID}-p{Environment.ProcessId}";

    public static string Path(string prefix) => System.IO.Path.Combine(System.IO.Path.GetTempPath(), Name(prefix));
}

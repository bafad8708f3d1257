using Harness.Baselines;

namespace Harness.NUnit;

/// <summary>
/// How to accept received baselines, said once per test run, as Verify does for a new snapshot: a new experiment's first
/// <c>dotnet test</c> fails every history test, each naming the file it wrote, and the run ends with this one line.
/// </summary>
internal static class AcceptHint
{
    /// <summary>What a test without a baseline says instead of how to accept.</summary>
    public const string Pointer = "How to accept: at the end of this test run.";

    private static int _missing;
    private static int _said;

    /// <summary>A test found no verified baseline and wrote a received file.</summary>
    public static void Noted() => Interlocked.Increment(ref _missing);

    /// <summary>The hint, the first time it is asked for once a test has found no baseline; else null.</summary>
    public static string? Once()
    {
        var missing = Volatile.Read(ref _missing);
        if (missing == 0 || Interlocked.Exchange(ref _said, 1) == 1) return null;
        var how = $"{BaselinePolicy.AcceptVariable}=1 dotnet test (a run becomes a baseline only once a second training reproduces " +
                  "it), or rename each .received.json to .verified.json";
        return $"{missing} test(s) found no verified baseline and wrote a .received.json file, each named in its test's message. " +
               (BaselinePolicy.FromEnvironment().IsCi
                   ? $"With CI=true nothing is accepted: review them where CI is not set, accept them all there ({how}), and commit " +
                     "the verified files."
                   : $"Review them, then accept them all: {how}.");
    }
}

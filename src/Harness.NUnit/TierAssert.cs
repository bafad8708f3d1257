using Harness.Baselines;
using NUnit.Framework;

namespace Harness.NUnit;

/// <summary>
/// Turns a baseline tier's result into the NUnit outcome, its message becoming the test's report line. A run or configuration
/// with no verified baseline yet fails naming the received file it wrote, without the tier's own how-to-accept sentence: a new
/// experiment fails every history test, and how to accept them all is said once, at the end of the run (<see cref="AcceptHint"/>).
/// </summary>
internal static class TierAssert
{
    public static void Report(ExactCheck check, BaselineFolder baselines)
    {
        if (check.Verdict == ExactVerdict.Missing)
            Missing($"No verified baseline {baselines.VerifiedPath(check.RunId)}. Wrote {check.Outcome.WrittenPath}.");
        Report(TierResults.Of(check.Verdict), check.Message);
    }

    public static void Report(EnsembleCheck check, BaselineFolder baselines)
    {
        if (check.Verdict == EnsembleVerdict.Missing)
            Missing($"No entry for {check.ConfigurationId} in {baselines.VerifiedPath(BaselineFolder.EnsembleName)}. " +
                    $"Wrote {baselines.ReceivedPath(BaselineFolder.EnsembleName)}.");
        Report(TierResults.Of(check.Verdict), check.Message);
    }

    private static void Missing(string message)
    {
        AcceptHint.Noted();
        Assert.Fail($"{message} {AcceptHint.Pointer}");
    }

    private static void Report(TierResult result, string message)
    {
        switch (result)
        {
            case TierResult.Pass:
                Assert.Pass(message);
                break;
            case TierResult.Inconclusive:
                NotRun.Because(message, "compare in the environment the baselines were accepted in (the portable profile on " +
                    "x86-64 with AVX2 compares everywhere), with at least two seeds per configuration for the ensemble tier");
                break;
            default:
                Assert.Fail(message);
                break;
        }
    }
}

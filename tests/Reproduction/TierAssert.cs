using Harness.Baselines;

namespace Harness.Tests.Reproduction;

/// <summary>Turns a baseline tier's result into the NUnit outcome, its message becoming the test's report line.</summary>
internal static class TierAssert
{
    public static void Report(TierResult result, string message)
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

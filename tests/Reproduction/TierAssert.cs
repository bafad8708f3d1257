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
                Assert.Inconclusive(message);
                break;
            default:
                Assert.Fail(message);
                break;
        }
    }
}

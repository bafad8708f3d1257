using Harness.Baselines;

namespace Harness.Tests.Reproduction;

/// <summary>Each run's per-epoch history, bit for bit against its verified baseline (same environment), or not comparable.</summary>
[Parallelizable(ParallelScope.Children)]
public sealed class ExactTierTests
{
    [TestCaseSource(typeof(Session), nameof(Session.Runs))]
    public void History_matches_the_verified_baseline(string runId)
    {
        var outcome = Session.Current.VerifyExact(runId);
        TierAssert.Report(TierResults.Of(outcome.Verdict), outcome.Message);
    }
}

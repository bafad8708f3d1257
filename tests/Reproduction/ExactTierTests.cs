using Harness.Baselines;
using Harness.Settings;

namespace Harness.Tests.Reproduction;

/// <summary>Each run's per-epoch history, bit for bit against its verified baseline (same environment), or not comparable.</summary>
[TestFixtureSource(typeof(Experiments), nameof(Experiments.Fixtures))]
[Parallelizable(ParallelScope.Children)]
public sealed class ExactTierTests(string experiment)
{
    [ExperimentCases(ExperimentCase.Runs)]
    public void History_matches_the_verified_baseline(RunConfig run)
    {
        var outcome = Experiments.Of(experiment).VerifyExact(run);
        TierAssert.Report(TierResults.Of(outcome.Verdict), outcome.Message);
    }
}

using Harness.Baselines;
using Harness.Grid;

namespace Harness.Tests.Reproduction;

/// <summary>Each configuration's seeds against the baseline's distribution of summary statistics.</summary>
[TestFixtureSource(typeof(Experiments), nameof(Experiments.Fixtures))]
[Parallelizable(ParallelScope.Children)]
public sealed class EnsembleTierTests(string experiment)
{
    [ExperimentCases(ExperimentCase.Configurations)]
    public void Seeds_are_consistent_with_the_baseline_distribution(ConfigurationRuns configuration)
    {
        var outcome = Experiments.Of(experiment).VerifyEnsemble(configuration);
        TierAssert.Report(TierResults.Of(outcome.Verdict), outcome.Message);
    }
}

using Harness.Baselines;

namespace Harness.Tests.Reproduction;

/// <summary>Each configuration's seeds against the baseline's distribution of summary statistics.</summary>
[Parallelizable(ParallelScope.Children)]
public sealed class EnsembleTierTests
{
    [TestCaseSource(typeof(Session), nameof(Session.Configurations))]
    public void Seeds_are_consistent_with_the_baseline_distribution(string configurationId)
    {
        var outcome = Session.Current.VerifyEnsemble(configurationId);
        TierAssert.Report(TierResults.Of(outcome.Verdict), outcome.Message);
    }
}

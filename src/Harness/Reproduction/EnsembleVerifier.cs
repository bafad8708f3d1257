using Harness.Baselines;
using Harness.Grid;

namespace Harness.Reproduction;

/// <summary>
/// The ensemble tier on a configuration of the experiment: its seeds' results from the source against the baseline
/// distribution.
/// </summary>
internal sealed class EnsembleVerifier(RunSource source, EnsembleTier tier)
{
    public EnsembleCheck Verify(ConfigurationRuns configuration)
    {
        var results = source.Results(configuration.Runs);
        return new(configuration, tier.Verify(EnsembleEntry.From(configuration.Id, results), results[0].Fingerprint.Comparable()));
    }
}

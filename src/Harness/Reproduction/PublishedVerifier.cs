using Harness.Claims;
using Harness.Settings;
using Harness.Grid;

namespace Harness.Reproduction;

/// <summary>Places a published run among the reproduced seeds of its configuration: the one that trains with its settings.</summary>
internal sealed class PublishedVerifier(RunSource source, ClaimSet claims, IReadOnlyList<ConfigurationRuns> configurations)
{
    /// <exception cref="InvalidOperationException">No configuration trains with the published run's settings: a run the
    /// experiment's folder sets aside (<see cref="ExperimentFolder.PublishedSetAside"/>), never compared.</exception>
    public PublishedComparison Compare(PublishedRun published)
    {
        var configuration = configurations.FirstOrDefault(c => SettingDifference.Between(published.Config, c.Configuration).Count == 0)
            ?? throw new InvalidOperationException($"The published run of {published.ConfigurationId} has no reproduced configuration " +
                "with its settings: it is set aside, never compared.");
        return PublishedComparison.Compare(published, source.Results(configuration.Runs), claims.PublishedMetrics, claims.MinimumSeeds);
    }
}

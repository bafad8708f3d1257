using Harness.Claims;
using Harness.Grid;

namespace Harness.Reproduction;

/// <summary>Places a published run among the reproduced seeds of its configuration.</summary>
public sealed class PublishedVerifier(RunSource source, ClaimSet claims, IReadOnlyList<ConfigurationRuns> configurations)
{
    /// <remarks>The configuration is one of the experiment's: <see cref="PublishedRun.Read"/> checked that when the
    /// file was read.</remarks>
    public PublishedComparison Compare(PublishedRun published) => PublishedComparison.Compare(published,
        source.Results(configurations.First(c => c.Id == published.ConfigurationId).Runs), claims.PublishedMetrics, claims.MinimumSeeds);
}

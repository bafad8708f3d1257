using Harness.Settings;
using Harness.History;
using Harness.Metrics;

namespace Harness.Claims.Comparisons;

/// <summary>
/// What a comparison works from: the claim and part, the runs, and the levels it is held to. <see cref="Alpha"/> is
/// the part's share of the claim's α (α/k for k parts, Bonferroni), and its intervals are at 1 − <see cref="Alpha"/>.
/// </summary>
internal sealed record PartData(Claim Claim, ClaimPart Part, IReadOnlyList<RunResult> Results, double Alpha, int Resamples,
    ulong Seed, int MinimumSeeds)
{
    /// <summary>Where the claim stands in a sequential plan, for tests with exact boundaries over its looks; null outside a
    /// plan (a plain single look).</summary>
    public Sequential.PlanPosition? Position { get; init; }

    public double Level => 1 - Alpha;

    /// <summary>
    /// The two one-sided tests of equivalence at α each (TOST) are the same as a 1 − 2α interval lying inside the band.
    /// </summary>
    public double EquivalenceLevel => 1 - 2 * Alpha;

    public double Metric(RunResult run) => RunMetrics.Compute(Claim.Metric, run.History);

    /// <summary>The runs a filter selects, in settings order (seed last), so resampling sees them alike on every machine.</summary>
    public List<RunResult> Select(RunFilter filter, string name)
    {
        var order = RunSettings.Order(RunSettings.Of(Results.Select(r => r.Config)));
        var selected = Results.Where(r => filter.Matches(r.Config)).OrderBy(r => r.Config, order).ToList();
        return selected.Count >= 2 ? selected
            : throw new InvalidOperationException($"Claim {Claim.Id}, part '{Part.Name}': group {name} ({filter.Describe()}) matches " +
                $"{selected.Count} runs; at least 2 are needed.");
    }
}

using Harness.Settings;

namespace Harness.Claims;

/// <summary>
/// A conclusion of the tutorial, stated so data can decide it: the per-run metric, one or more comparisons (all must
/// hold), and the registered verdict with its provenance and reason.
/// </summary>
/// <param name="Statement">The claim in a few words, as the test report states it.</param>
/// <param name="Tutorial">The tutorial's own sentence.</param>
/// <param name="Reason">Why the registered verdict is what it is, in words: no measured numbers, which would go stale
/// while the verdict still holds (the report prints the measured ones).</param>
/// <param name="Negligible">The smallest effect that matters, with when it was declared. Null: the claim declares none, and no
/// part can be Negligible.</param>
/// <param name="Decided">The verdict the claims file's sequential plan reached (<c>reproduce --decide --register</c>), at the
/// look that reached it; null when no plan has been run to a registration. <see cref="Registration"/> stays the single
/// look's snapshot, which every plain run checks.</param>
internal sealed record Claim(
    string Id,
    string Statement,
    string Tutorial,
    string Metric,
    IReadOnlyList<ClaimPart> Parts,
    Registration Registration,
    string Reason,
    NegligibleBand? Negligible = null,
    Registration? Decided = null)
{
    /// <summary>Whether one of the claim's comparisons selects <paramref name="run"/> (or, given a configuration, its runs).</summary>
    public bool Selects(RunConfig run) => Parts.SelectMany(p => p.Filters).Any(f => f.Matches(run));

    /// <summary>The runs of <paramref name="runs"/> the claim's comparisons select, in their order: the runs it is decided from.</summary>
    public IReadOnlyList<RunConfig> Runs(IEnumerable<RunConfig> runs) => [.. runs.Where(Selects)];
}

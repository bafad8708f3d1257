namespace Harness.Claims.Sequential;

/// <summary>
/// Where a claim stands in a <see cref="SequentialPlan"/>: the looks taken so far, the last being now. An exact sequential
/// boundary depends on every earlier look, not only on the current one's share of α, so the evaluator needs the history.
/// </summary>
/// <param name="Seeds">Seeds per configuration at looks 1..k (k = now). Look j's runs are each configuration's first
/// <c>Seeds[j − 1]</c> seeds, so a part's data at an earlier look are those of its first seeds in seed order.</param>
/// <param name="Spent">The claim's α spent by each of looks 1..k, cumulative (<see cref="SequentialPlan.SpentAtLooks"/>).</param>
internal sealed record PlanPosition(IReadOnlyList<int> Seeds, IReadOnlyList<double> Spent, SequentialBoundaries Boundaries)
{
    /// <summary>The current look, 1-based.</summary>
    public int Look => Seeds.Count;

    /// <summary>A part's cumulative α at each look: the claim's, split evenly over its <paramref name="parts"/> (Bonferroni).</summary>
    public IReadOnlyList<double> PartSpent(int parts) => Spent.Select(s => s / parts).ToList();
}

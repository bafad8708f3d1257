namespace Harness.Claims.Sequential;

/// <summary>
/// Seeds until decided: the looks are planned before any is taken — the experiment's runs as they are, then every
/// configuration an open claim needs topped up to <see cref="Stage"/> seeds beyond the experiment's largest count, then
/// <see cref="Stage"/> more, up to <see cref="MaxSeeds"/> — and so is each look's share of α (<see cref="Spending"/>). A
/// claim decided at any look keeps its verdict; by the union bound the chance that any look gives a wrong verdict is at most
/// the sum of the shares, α, whatever the dependence between looks. Planning first is what makes that hold: looks or
/// shares chosen after seeing the data would let the data pick its own test.
/// </summary>
/// <param name="MaxSeeds">The budget: seeds per configuration at the last look.</param>
/// <param name="Stage">Seeds added per configuration between looks; null: as many as the experiment starts with.</param>
internal sealed record SequentialPlan(int MaxSeeds, int? Stage = null)
{
    public const int DefaultMaxSeeds = 40;

    /// <summary>How α is spent over the looks; the even split unless the claims file names another rule.</summary>
    public AlphaSpending Spending { get; init; } = AlphaSpending.Bonferroni;

    /// <summary>How a look's α becomes a test's level: exact boundaries for the sign test (the default), or the union bound's
    /// increment for every test.</summary>
    public SequentialBoundaries Boundaries { get; init; } = SequentialBoundaries.Exact;

    /// <summary>
    /// Seeds per configuration at each look, the first being the experiment's own (<paramref name="initialSeeds"/>, its
    /// largest count: configurations with fewer keep theirs at that look), the last the budget.
    /// </summary>
    public IReadOnlyList<int> Looks(int initialSeeds)
    {
        var stage = Math.Max(1, Stage ?? initialSeeds);
        var looks = new List<int> { initialSeeds };
        while (looks[^1] < MaxSeeds) looks.Add(Math.Min(MaxSeeds, looks[^1] + stage));
        return looks;
    }

    /// <summary>
    /// Each look's share of a claim's α: the increase of <see cref="Spending"/>'s cumulative α from the previous look, at
    /// the information fraction seeds / <see cref="MaxSeeds"/> (at most 1: an experiment that starts past the budget has one
    /// look, with all of α). <see cref="Looks"/> ends at the budget, so the shares sum to α.
    /// </summary>
    public IReadOnlyList<double> AlphaAtLooks(double alpha, IReadOnlyList<int> looks)
    {
        var spent = SpentAtLooks(alpha, looks);
        return spent.Select((s, i) => i == 0 ? s : s - spent[i - 1]).ToList();
    }

    /// <summary>
    /// The α spent by each look, cumulative: <see cref="Spending"/> at the information fraction seeds / <see cref="MaxSeeds"/>
    /// (at most 1). What exact sequential boundaries are held to; <see cref="AlphaAtLooks"/> is its increments.
    /// </summary>
    public IReadOnlyList<double> SpentAtLooks(double alpha, IReadOnlyList<int> looks) =>
        looks.Select((seeds, i) => Spending.Spent(alpha, Math.Min(1, (double)seeds / MaxSeeds), i + 1, looks.Count)).ToList();

    /// <summary>Where a claim stands at look <paramref name="look"/> (1-based) of <paramref name="looks"/>.</summary>
    public PlanPosition Position(double alpha, IReadOnlyList<int> looks, int look) =>
        new([.. looks.Take(look)], [.. SpentAtLooks(alpha, looks).Take(look)], Boundaries);
}

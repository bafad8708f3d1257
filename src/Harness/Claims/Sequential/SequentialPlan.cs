namespace Harness.Claims.Sequential;

/// <summary>
/// Seeds until decided: the looks are planned before any is taken — the experiment's runs as they are, then every
/// configuration an open claim needs topped up to <see cref="Stage"/> seeds beyond the experiment's largest count, then
/// <see cref="Stage"/> more, up to <see cref="MaxSeeds"/> — and α is split evenly over them. A claim decided at any look keeps its
/// verdict; by the union bound the chance that any look gives a wrong verdict is at most Σ α/L = α, whatever the
/// dependence between looks (a Bonferroni spending rule: simpler than O'Brien–Fleming, and valid without its normal
/// approximation, which the exact tests here do not need).
/// </summary>
/// <param name="MaxSeeds">The budget: seeds per configuration at the last look.</param>
/// <param name="Stage">Seeds added per configuration between looks; null: as many as the experiment starts with.</param>
public sealed record SequentialPlan(int MaxSeeds, int? Stage = null)
{
    public const int DefaultMaxSeeds = 40;

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

    /// <summary>Each look's share of a claim's α.</summary>
    public static double AlphaPerLook(double alpha, int looks) => alpha / looks;
}

using System.Globalization;

namespace Harness.Claims.Sequential;

/// <summary>How a claim fared under a sequential plan: the look that decided it (or the last, if none did).</summary>
/// <param name="Seeds">Seeds per configuration behind the verdict.</param>
/// <param name="Look">The look (1-based) that decided it, or the last look when it stayed open.</param>
/// <param name="Alpha">The claim's α at that look: its share under <paramref name="Spending"/>, not the claim's whole α.</param>
/// <param name="Declared">When the plan was fixed relative to the data (null: not said).</param>
/// <param name="Exploratory">The plan is not the one the claims file declares (another <c>--max-seeds</c> or
/// <c>--boundaries</c>): its verdicts are exploratory and are never registered.</param>
internal sealed record SequentialDecision(int Seeds, int Look, int Looks, int MaxSeeds, double Alpha, AlphaSpending Spending, bool Decided,
    Declaration? Declared = null, bool Exploratory = false)
{
    /// <summary>How the looks' α became tests' levels: exact boundaries for sign tests (the default), or the union bound.</summary>
    public SequentialBoundaries Boundaries { get; init; } = SequentialBoundaries.Exact;

    /// <summary>
    /// Under exact boundaries, the same claim under the union bound over the looks this run took for it (no more: a look it
    /// did not take has no runs), so the report can say how many seeds the exact boundaries saved. Null otherwise.
    /// </summary>
    public SequentialDecision? UnionBound { get; init; }

    /// <summary>Where the plan came from: "The plan (…) was declared post hoc, …", or that it is exploratory.</summary>
    public string Provenance => Exploratory
        ? $"An exploratory plan ({MaxSeeds} seeds at most), not the one the claims file declares: its verdicts are never registered."
        : Declared is { } declared ? $"The plan ({MaxSeeds} seeds at most, {Spending.Name} spending) is {declared.Provenance}." : "";

    public string Describe() => (Decided
        ? $"Decided at look {Look} of {Looks}, with {Seeds} seeds per configuration " +
            $"(α at this look {Format(Alpha)}, {Spending.Name} spending{BoundariesText})."
        : Look < Looks
            ? $"Open at look {Look} of {Looks}, with {Seeds} seeds per configuration (α at this look {Format(Alpha)}, " +
                $"{Spending.Name} spending{BoundariesText}): reproduce --decide takes the looks that follow."
            : $"Still open after {Looks} looks and the budget of {MaxSeeds} seeds per configuration ({Spending.Name} spending" +
                $"{BoundariesText}).") + Saved;

    /// <summary>Named past the first look only: at the first both kinds of boundaries decide alike (nothing was spent before).</summary>
    private string BoundariesText => Look == 1 ? ""
        : Boundaries == SequentialBoundaries.Exact ? ", exact boundaries for sign tests" : ", union bound";

    /// <summary>What the exact boundaries saved against the union bound, when anything: the union bound left the claim open
    /// at the look that decided it.</summary>
    private string Saved => UnionBound switch
    {
        null => "",
        // Decided at the same look, or open under both: the exact boundaries saved nothing here.
        { Decided: true } => "",
        _ when !Decided => "",
        var union => $" The union bound leaves it open at look {union.Look}, with {union.Seeds} seeds: the exact boundaries " +
            "saved a stage of seeds at least.",
    };

    /// <summary>At least three significant digits: O'Brien–Fleming's first looks spend less than 0.0001, which four decimals
    /// would print as 0.</summary>
    private static string Format(double alpha)
    {
        var decimals = alpha > 0 ? Math.Max(4, 2 - (int)Math.Floor(Math.Log10(alpha))) : 4;
        return alpha.ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture);
    }
}

using Harness.Statistics;

namespace Harness.Claims;

/// <summary>A group of runs' metric values, as the evidence table shows it.</summary>
internal sealed record GroupEvidence(string Label, IReadOnlyList<double> Values);

/// <summary>One comparison's result: the effect with its interval, what it says, and the groups behind it.</summary>
/// <param name="Seeds">Distinct seeds behind the part.</param>
/// <param name="SeedsSuggested">Not evaluated: the fewest seeds that could reach <see cref="Alpha"/>. Inconclusive: roughly
/// how many seeds per group would let the interval exclude the null.</param>
/// <param name="Alpha">The part's share of the claim's α.</param>
/// <param name="SeedUnit">What <see cref="SeedsSuggested"/> counts: "seed pairs", "seeds per group" or "seeds".</param>
/// <param name="Difference">The mean difference at 1 − 2α, checked against the claim's negligible band (when it declares one).</param>
/// <param name="Exploratory">Negligible against a band declared after the data, not (yet) confirmed by the seeds that came
/// after it: a lead, not a decision.</param>
/// <param name="Measured">False when the part had too few seeds for its comparison to run at all (one seed: <see
/// cref="Comparisons.TooFewSeeds"/>): then <see cref="Effect"/> holds only its level, and the report says "not measured".</param>
/// <param name="Exact">The exact test that decided, where one exists: its name and p apart, as the parts table shows them.</param>
/// <param name="Measure">What <paramref name="Difference"/> is, when not a mean difference with a t interval.</param>
/// <param name="Boundary">After a plan's first look, how the level the part was held to was obtained: "exact sequential
/// boundary (nominal level 0.0123 at look 2)" or "union bound (α 0.0031 at look 2)"; null outside a plan and at its first look.</param>
internal sealed record PartOutcome(
    ClaimPart Part,
    string Statistic,
    Interval Effect,
    double NullValue,
    ClaimVerdict Verdict,
    IReadOnlyList<GroupEvidence> Groups,
    int Seeds,
    int? SeedsSuggested,
    bool TooFewSeeds = false,
    double Alpha = 0.05,
    string SeedUnit = "seeds",
    Interval? Difference = null,
    bool Exploratory = false,
    bool Measured = true,
    Comparisons.ExactTest? Exact = null,
    string? Boundary = null,
    Comparisons.DifferenceMeasure? Measure = null)
{
    /// <summary>The exact test that decided, with its p-value, in words as the headline shows it ("sign test over 10
    /// seeds, p = 0.002"); null where none decided.</summary>
    public string? Test => Exact is { } test
        ? $"{test.Description}, p = {ClaimText.P(test.P)}" + (Boundary is { } boundary ? $", {boundary}" : "") : null;
}

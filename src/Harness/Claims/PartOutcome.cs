using Harness.Statistics;

namespace Harness.Claims;

/// <summary>A group of runs' metric values, as the evidence table shows it.</summary>
public sealed record GroupEvidence(string Label, IReadOnlyList<double> Values);

/// <summary>One comparison's result: the effect with its interval, what it says, and the groups behind it.</summary>
/// <param name="SeedsSuggested">For an inconclusive part, roughly how many seeds per group would let the interval exclude the null.</param>
public sealed record PartOutcome(
    ClaimPart Part,
    string Statistic,
    Interval Effect,
    double NullValue,
    ClaimVerdict Verdict,
    IReadOnlyList<GroupEvidence> Groups,
    int Seeds,
    int? SeedsSuggested,
    bool TooFewSeeds = false,
    string? Test = null);

using Harness.History;
using Harness.Statistics;

namespace Harness.Claims.Comparisons;

/// <summary>An exact (or Monte Carlo permutation) test of a part: two-sided p, and the side the data fall on.</summary>
internal sealed record ExactTest(double P, ClaimedSide Side, string Description);

/// <summary>
/// What a comparison measured, before any verdict: the effect and its interval, the test that decides it (when one
/// exists; otherwise the interval decides), the fewest seeds that could ever decide it, and the mean difference in the
/// metric's own units that an equivalence band is checked against.
/// </summary>
/// <param name="NullValue">The effect under no effect: ½ for P(A &gt; B), 0 for ρ and differences, the threshold for a mean.</param>
/// <param name="MinimumSeeds">Fewer seeds than this can never reach the part's α (derived from the test where one exists).</param>
/// <param name="SeedUnit">What <see cref="MinimumSeeds"/> counts: "seed pairs", "seeds per group", "seeds".</param>
/// <param name="Reachable">When known exactly from the actual group sizes: whether the test can reach α at all.</param>
/// <param name="Difference">The mean difference at the equivalence level, or null where the effect has no such scale (ρ).</param>
/// <param name="Measure">What <paramref name="Difference"/> is, when not a mean difference with a t interval.</param>
/// <param name="Level">The level <paramref name="Test"/> is held to at this look of a plan when it is not the part's α share
/// (exact sequential boundaries); null: the share.</param>
internal sealed record PartEvidence(
    string Statistic,
    Interval Effect,
    double NullValue,
    IReadOnlyList<GroupEvidence> Groups,
    IReadOnlyList<RunResult> Used,
    ExactTest? Test,
    int MinimumSeeds,
    string SeedUnit,
    bool? Reachable,
    Interval? Difference,
    TestLevel? Level = null,
    DifferenceMeasure? Measure = null);

namespace Harness.Claims;

/// <summary>
/// The set of tests that decides claims, by a short name every registration records: a verdict registered under other tests
/// was reached by other rules, so the name says which rules a registration's verdict stands on.
/// </summary>
internal static class Inference
{
    /// <summary>
    /// <c>exact-3</c>: as <c>exact-2</c>, except that under a sequential plan the sign test gets exact group-sequential
    /// boundaries (the chance of deciding by each look, over the looks' joint null, at most the α spent by then), while
    /// every other test keeps the union bound's share of the look, and the report labels which. A plan's first look, and
    /// every plain run, decides as before. <c>exact-2</c>: the sign test over seeds (paired parts); permutation within seeds
    /// (two groups, and contrasts as two groups of within-seed effects); trends by the exact convolution of the within-seed
    /// ρ; thresholds, contrasts without seed-matched effects, and the negligible band's equivalence test by t intervals,
    /// labelled parametric; α spent over a sequential plan's looks by a spending function, valid by the union bound.
    /// <c>exact-1</c> (before) permuted two groups across seeds, decided contrasts by Welch's interval and trends by Monte
    /// Carlo.
    /// </summary>
    public const string Version = "exact-3";

    /// <summary>
    /// Whether a registration made under <paramref name="version"/> at <paramref name="look"/> of a plan (null: a single
    /// look) was reached by the rules this build decides with: this version's, or <c>exact-2</c>'s at a plan's first look
    /// or outside plans, where <c>exact-3</c> decides alike (the first look's exact boundary is its share of α). Past the
    /// first look <c>exact-2</c> spent α by the union bound, so such a verdict is registered again by
    /// <c>reproduce --decide --register</c>.
    /// </summary>
    public static bool Agrees(string? version, int? look) => version == Version || (version == "exact-2" && look is null or 1);
}

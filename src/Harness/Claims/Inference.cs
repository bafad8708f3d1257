namespace Harness.Claims;

/// <summary>
/// The set of tests that decides claims, by a short name every registration records: a verdict registered under other tests
/// was reached by other rules, so the name says which rules a registration's verdict stands on.
/// </summary>
internal static class Inference
{
    /// <summary>
    /// <c>exact-2</c>: the sign test over seeds (paired parts); permutation within seeds (two groups, and contrasts as two
    /// groups of within-seed effects); trends by the exact convolution of the within-seed ρ; thresholds, contrasts without
    /// seed-matched effects, and the negligible band's equivalence test by t intervals, labelled parametric; α spent over a
    /// sequential plan's looks by a spending function, valid by the union bound. <c>exact-1</c> (before) permuted two groups
    /// across seeds, decided contrasts by Welch's interval and trends by Monte Carlo.
    /// </summary>
    public const string Version = "exact-2";
}


namespace Harness.Statistics;

/// <summary>Confidence intervals for a mean.</summary>
internal static class MeanInterval
{
    /// <summary>
    /// The one-sample t interval, mean ± t(1 − (1 − level)/2, n − 1) · s/√n: exact for normal data at any n, where a
    /// percentile bootstrap of a handful of seeds is too narrow. One value has no spread to estimate the width from, so
    /// its interval is the value with bounds −∞ and +∞: nothing is excluded, which is what one seed can say.
    /// </summary>
    public static Interval StudentT(IReadOnlyList<double> values, double level)
    {
        if (values.Count < 1) throw new ArgumentException("A t interval needs at least 1 value, found none.", nameof(values));
        if (values.Count == 1) return Unbounded(values[0], level);
        var (mean, variance) = WelchTest.MeanVariance(values);
        var half =
            MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, values.Count - 1,
                1 - (1 - level) / 2) * Math.Sqrt(variance / values.Count);
        return new Interval(mean, mean - half, mean + half, level);
    }

    /// <summary>
    /// A contrast of group means, Σ cᵢ·meanᵢ, with Welch's t interval: standard error √(Σ cᵢ²sᵢ²/nᵢ) and Welch–Satterthwaite
    /// degrees of freedom (Σ cᵢ²sᵢ²/nᵢ)² / Σ (cᵢ²sᵢ²/nᵢ)²/(nᵢ − 1). Coefficients (1, −1) give Welch's two-sample interval;
    /// (1, −1, −1, 1) the difference in differences "(A − B) − (C − D)". A group of one value has no variance, so the
    /// contrast keeps its point estimate with bounds −∞ and +∞, as <see cref="StudentT"/> does for one value.
    /// </summary>
    public static Interval Contrast(IReadOnlyList<IReadOnlyList<double>> groups, IReadOnlyList<double> coefficients, double level)
    {
        if (groups.Count != coefficients.Count) throw new ArgumentException("One coefficient per group.", nameof(coefficients));
        if (groups.Any(g => g.Count < 1)) throw new ArgumentException("Every group needs at least 1 value for its mean.",
            nameof(groups));
        var stats = groups.Select(WelchTest.MeanVariance).ToList();
        var estimate = stats.Select((s, i) => coefficients[i] * s.Mean).Sum();
        if (groups.Any(g => g.Count < 2)) return Unbounded(estimate, level);
        var parts = stats.Select((s, i) => coefficients[i] * coefficients[i] * s.Variance / groups[i].Count).ToList();
        var variance = parts.Sum();
        if (variance == 0) return new Interval(estimate, estimate, estimate, level);
        var df = variance * variance / parts.Select((v, i) => v * v / (groups[i].Count - 1)).Sum();
        var half = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, df, 1 - (1 - level) / 2) * Math.Sqrt(variance);
        return new Interval(estimate, estimate - half, estimate + half, level);
    }

    private static Interval Unbounded(double point, double level) =>
        new(point, double.NegativeInfinity, double.PositiveInfinity, level);
}

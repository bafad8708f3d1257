
namespace Harness.Statistics;

/// <summary>Confidence intervals for a mean.</summary>
public static class MeanInterval
{
    /// <summary>
    /// The one-sample t interval, mean ± t(1 − (1 − level)/2, n − 1) · s/√n: exact for normal data at any n, where a
    /// percentile bootstrap of a handful of seeds is too narrow.
    /// </summary>
    public static Interval StudentT(IReadOnlyList<double> values, double level)
    {
        if (values.Count < 2) throw new ArgumentException($"A t interval needs at least 2 values, found {values.Count}.", nameof(values));
        var (mean, variance) = WelchTest.MeanVariance(values);
        var half = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, values.Count - 1, 1 - (1 - level) / 2) * Math.Sqrt(variance / values.Count);
        return new Interval(mean, mean - half, mean + half, level);
    }
}

using MathNet.Numerics.Distributions;

namespace Harness.Statistics;

/// <summary>Welch's unequal-variance t-test, two-sided.</summary>
internal static class WelchTest
{
    public sealed record Result(double MeanA, double MeanB, double T, double DegreesOfFreedom, double P);

    /// <summary>Null when a group has fewer than two values (no variance to estimate).</summary>
    public static Result? TwoSided(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count < 2 || b.Count < 2) return null;
        var (meanA, varA) = MeanVariance(a);
        var (meanB, varB) = MeanVariance(b);
        var seA = varA / a.Count;
        var seB = varB / b.Count;
        var se = Math.Sqrt(seA + seB);

        // Both groups constant: equal means are identical samples; different means are certainly different.
        if (se == 0) return new Result(meanA, meanB, meanA == meanB ? 0 : double.PositiveInfinity * Math.Sign(meanA - meanB), double.NaN,
            meanA == meanB ? 1 : 0);

        var t = (meanA - meanB) / se;
        var df = (seA + seB) * (seA + seB) / (seA * seA / (a.Count - 1) + seB * seB / (b.Count - 1));
        var p = 2 * StudentT.CDF(0, 1, df, -Math.Abs(t));
        return new Result(meanA, meanB, t, df, Math.Min(1, p));
    }

    public static (double Mean, double Variance) MeanVariance(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        var variance = values.Count < 2 ? double.NaN : values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return (mean, variance);
    }
}

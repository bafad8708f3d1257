namespace Harness.Statistics;

/// <summary>Median, quartiles and the like for evidence tables.</summary>
internal static class Describe
{
    public static double Median(IReadOnlyList<double> values) => Quantile(values, 0.5);

    public static double Quantile(IReadOnlyList<double> values, double p) => Bootstrap.Quantile(values.Order().ToList(), p);

    public static double InterquartileRange(IReadOnlyList<double> values) => Quantile(values, 0.75) - Quantile(values, 0.25);

    /// <summary>Mid-rank percentile of <paramref name="value"/> among <paramref name="values"/>: share below, plus half the ties.</summary>
    public static double Percentile(double value, IReadOnlyList<double> values) =>
        100.0 * values.Sum(v => v < value ? 1 : v == value ? 0.5 : 0) / values.Count;
}

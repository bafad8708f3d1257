namespace Harness.Statistics;

/// <summary>
/// Brown and Forsythe's (1974) robust measure of spread: each value's absolute deviation from the median of its cell, and a
/// group's spread as the mean of those deviations. Levene's original used the mean; the median keeps one wild seed from
/// moving the centre the others are measured from, and makes the test robust to skewed metrics (a loss is bounded below
/// and skewed up). A cell is a configuration: pooled over depths, each run is measured from its own depth's median, so the
/// depths' different levels are not counted as spread across seeds.
/// </summary>
internal static class BrownForsythe
{
    /// <summary>Each value's |value − median of its cell|, in the input's order.</summary>
    public static double[] Deviations(IReadOnlyList<(string Cell, double Value)> values)
    {
        var medians = values.GroupBy(v => v.Cell)
            .ToDictionary(g => g.Key, g => Describe.Median([.. g.Select(v => v.Value)]), StringComparer.Ordinal);
        return [.. values.Select(v => Math.Abs(v.Value - medians[v.Cell]))];
    }

    /// <summary>A group's spread: the mean absolute deviation from its cells' medians.</summary>
    public static double Spread(IReadOnlyList<(string Cell, double Value)> values) => Deviations(values).Average();
}

namespace Harness.Statistics;

/// <summary>
/// Percentile bootstrap over independent groups: each resample draws every group's members with replacement
/// (within its own group), recomputes the statistic, and the interval is the central <c>level</c> share of those values.
/// Seeded, so the same data and seed give the same interval.
/// </summary>
internal static class Bootstrap
{
    public static Interval Percentile(IReadOnlyList<IReadOnlyList<double>> groups,
        Func<IReadOnlyList<IReadOnlyList<double>>, double> statistic,
        double level, int resamples, ulong seed)
    {
        var random = new SeededRandom(seed);
        var values = new double[resamples];
        var buffers = groups.Select(g => new double[g.Count]).ToArray();
        for (var r = 0; r < resamples; r++)
        {
            for (var g = 0; g < groups.Count; g++)
                for (var i = 0; i < buffers[g].Length; i++)
                    buffers[g][i] = groups[g][random.Next(groups[g].Count)];
            values[r] = statistic(buffers);
        }
        return Central(values, statistic(groups), level);
    }

    /// <summary>The central <paramref name="level"/> share of the resampled <paramref name="values"/> (sorted in place),
    /// around the estimate from the data themselves.</summary>
    public static Interval Central(double[] values, double point, double level)
    {
        Array.Sort(values);
        var tail = (1 - level) / 2;
        return new Interval(point, Quantile(values, tail), Quantile(values, 1 - tail), level);
    }

    /// <summary>Linear interpolation between order statistics (type 7, as R and NumPy default). Between an infinite order
    /// statistic and another (a ratio over a resample without spread) the nearer one, where interpolating would give NaN.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        var h = (sorted.Count - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        if (sorted[lo] == sorted[hi]) return sorted[lo];
        if (double.IsInfinity(sorted[lo]) || double.IsInfinity(sorted[hi])) return h - lo < 0.5 ? sorted[lo] : sorted[hi];
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}

namespace Harness.Statistics;

/// <summary>The effect sizes claims are stated in.</summary>
internal static class Effects
{
    /// <summary>P(A > B) over all pairs, ties counting one half: the Mann–Whitney U divided by n·m.</summary>
    public static double ProbabilityGreater(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        double wins = 0;
        foreach (var x in a)
            foreach (var y in b)
                wins += x > y ? 1 : x == y ? 0.5 : 0;
        return wins / (a.Count * b.Count);
    }

    /// <summary>mean(A) − mean(B): the effect a contrast of group means states, in the metric's units.</summary>
    public static double MeanDifference(IReadOnlyList<double> a, IReadOnlyList<double> b) => a.Average() - b.Average();

    /// <summary>P(A > B) over matched pairs (differences d = a − b): the share of pairs with d > 0, ties one half.</summary>
    public static double ProbabilityGreaterPaired(IReadOnlyList<double> differences) =>
        differences.Sum(d => d > 0 ? 1 : d == 0 ? 0.5 : 0) / differences.Count;

    /// <summary>Spearman's rank correlation: Pearson's r of the average ranks.</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var (rx, ry) = (Ranks(x), Ranks(y));
        double mx = rx.Average(), my = ry.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < rx.Length; i++)
        {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
    }

    public static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]]) end++;
            for (var k = start; k <= end; k++) ranks[order[k]] = (start + end) / 2.0 + 1;
            start = end + 1;
        }
        return ranks;
    }
}

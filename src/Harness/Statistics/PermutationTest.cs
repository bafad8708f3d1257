namespace Harness.Statistics;

/// <summary>
/// The two-group permutation test: under the null that every run is exchangeable between groups A and B, each way of
/// splitting the pooled values into groups of the original sizes is equally likely, and the p-value is the share of
/// splits whose statistic is at least as extreme as the observed one. Exact by enumeration up to
/// <see cref="MaxExact"/> splits (10 vs 10 seeds: 184,756), else a seeded Monte Carlo estimate (1 + hits)/(1 + draws),
/// which never reports p = 0. With 5 vs 5 seeds completely separated it gives 2/252 = 0.0079 two-sided, which cannot reach
/// α/k once k ≥ 7: the evaluator must say so rather than call the part decided. Where runs are exchangeable only within
/// sets (the runs of one seed), <see cref="Stratified"/> swaps labels only within each set.
/// </summary>
internal static class PermutationTest
{
    public const int MaxExact = 250_000;

    /// <param name="Splits">
    /// How many splits were counted: all of them when <see cref="Exact"/> (held at long.MaxValue if there are more, as for
    /// <see cref="TrendTest"/>'s convolution of many seeds), else the Monte Carlo draws.
    /// </param>
    public sealed record Result(double Observed, double PGreater, double PLess, long Splits, bool Exact)
    {
        public double PTwoSided => Math.Min(1, 2 * Math.Min(PGreater, PLess));
    }

    /// <summary>The test with the statistic P(A &gt; B) (Mann–Whitney U / n·m), ties counting one half.</summary>
    public static Result ProbabilityGreater(IReadOnlyList<double> a, IReadOnlyList<double> b, int resamples = 20_000, ulong seed = 1) =>
        TwoGroup(a, b, Effects.ProbabilityGreater, resamples, seed);

    /// <summary>P(A &gt; B) over all of A against all of B, with labels swapped only within each stratum.</summary>
    public static Result ProbabilityGreater(IReadOnlyList<Stratum> strata, int resamples = 20_000, ulong seed = 1) =>
        Stratified(strata, Effects.ProbabilityGreater, resamples, seed);

    /// <summary>Every run exchangeable with every other: one stratum holding them all.</summary>
    public static Result TwoGroup(IReadOnlyList<double> a, IReadOnlyList<double> b,
        Func<IReadOnlyList<double>, IReadOnlyList<double>, double> statistic, int resamples = 20_000, ulong seed = 1) =>
        Stratified([new Stratum(a, b)], statistic, resamples, seed);

    /// <summary>
    /// The statistic of all strata's A values against all their B values, with a null distribution that re-deals, within
    /// every stratum independently, its pooled values into groups of its own sizes. Exact by enumerating the product of the
    /// strata's splits up to <see cref="MaxExact"/>, else seeded Monte Carlo. Strata of one A and one B (seed-matched pairs)
    /// with <see cref="Effects.MeanDifference"/> make it the sign-flip test of the pairs' differences.
    /// </summary>
    public static Result Stratified(IReadOnlyList<Stratum> strata,
        Func<IReadOnlyList<double>, IReadOnlyList<double>, double> statistic, int resamples = 20_000, ulong seed = 1)
    {
        var pools = strata.Select(s => s.A.Concat(s.B).ToArray()).ToArray();
        var observed = statistic([.. strata.SelectMany(s => s.A)], [.. strata.SelectMany(s => s.B)]);
        // A split counts as "at least as extreme" up to rounding: U/(n·m) values are multiples of 1/(2nm).
        var tolerance = 1e-12 * Math.Max(1, Math.Abs(observed));
        long greater = 0, less = 0, splits = 0;
        void Count(IEnumerable<(double[] A, double[] B)> deal)
        {
            var parts = deal.ToList();
            var value = statistic([.. parts.SelectMany(p => p.A)], [.. parts.SelectMany(p => p.B)]);
            if (value >= observed - tolerance) greater++;
            if (value <= observed + tolerance) less++;
            splits++;
        }

        if (Math.Exp(LogSplits(strata)) <= MaxExact)
        {
            var deals = strata.Select((s, i) => Combinations(pools[i].Length, s.A.Count).Select(m => Split(pools[i], m)).ToArray())
                .ToArray();
            var at = new int[deals.Length];
            do Count(deals.Select((d, s) => d[at[s]])); while (Advance(at, deals));
            return new Result(observed, (double)greater / splits, (double)less / splits, splits, Exact: true);
        }

        var random = new SeededRandom(seed);
        var indices = pools.Select(p => Enumerable.Range(0, p.Length).ToArray()).ToArray();
        for (var r = 0; r < resamples; r++)
            Count(strata.Select((s, k) => Split(pools[k], Draw(indices[k], s.A.Count, random))).ToList());
        // The observed split is one of the possible ones: counting it keeps the estimate valid (never 0).
        return new Result(observed, (greater + 1.0) / (splits + 1), (less + 1.0) / (splits + 1), splits, Exact: false);
    }

    /// <summary>
    /// The smallest two-sided p the stratified test can give, reached only by the most extreme data: 2 / Π C(|Aₛ| + |Bₛ|,
    /// |Aₛ|), at most 1. Five seed-matched pairs give 2/32 = 0.0625 however many unmatched runs are added.
    /// </summary>
    public static double SmallestTwoSidedP(IReadOnlyList<Stratum> strata) => Math.Min(1, 2 * Math.Exp(-LogSplits(strata)));

    /// <summary>
    /// The fewest seeds per group (equal groups) with which the test can reach <paramref name="alpha"/> two-sided at all,
    /// even with the groups completely separated: the smallest n with 2 / C(2n, n) ≤ α. At α = 0.05/6 that is 5, at 0.05/7 it is 6.
    /// </summary>
    public static int MinimumPerGroup(double alpha)
    {
        var n = 1;
        while (2 * Math.Exp(-Combinatorics.LogChoose(2 * n, n)) > alpha) n++;
        return n;
    }

    private static double LogSplits(IReadOnlyList<Stratum> strata) =>
        strata.Sum(s => Combinatorics.LogChoose(s.A.Count + s.B.Count, s.A.Count));

    /// <summary>The next split of the odometer over the strata's splits; false after the last.</summary>
    private static bool Advance(int[] at, (double[] A, double[] B)[][] deals)
    {
        for (var s = 0; s < at.Length; s++)
        {
            if (++at[s] < deals[s].Length) return true;
            at[s] = 0;
        }
        return false;
    }

    /// <summary>
    /// Partial Fisher–Yates: the first <paramref name="k"/> indices become group A. The indices stay shuffled between
    /// draws, which keeps each draw uniform and the sequence fixed by the seed.
    /// </summary>
    private static bool[] Draw(int[] indices, int k, SeededRandom random)
    {
        for (var i = 0; i < k; i++)
        {
            var j = i + random.Next(indices.Length - i);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }
        var chosen = new bool[indices.Length];
        for (var i = 0; i < k; i++) chosen[indices[i]] = true;
        return chosen;
    }

    private static (double[] A, double[] B) Split(double[] pooled, bool[] chosen)
    {
        var a = new List<double>();
        var b = new List<double>();
        for (var i = 0; i < pooled.Length; i++) (chosen[i] ? a : b).Add(pooled[i]);
        return (a.ToArray(), b.ToArray());
    }

    /// <summary>Every way to choose <paramref name="k"/> of <paramref name="n"/> positions, as membership masks.</summary>
    private static IEnumerable<bool[]> Combinations(int n, int k)
    {
        var index = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            var mask = new bool[n];
            foreach (var i in index) mask[i] = true;
            yield return mask;
            var p = k - 1;
            while (p >= 0 && index[p] == n - k + p) p--;
            if (p < 0) yield break;
            index[p]++;
            for (var q = p + 1; q < k; q++) index[q] = index[q - 1] + 1;
        }
    }
}

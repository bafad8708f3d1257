namespace Harness.Statistics;

/// <summary>
/// The two-group permutation test: under the null that every run is exchangeable between groups A and B, each way of
/// splitting the pooled values into groups of the original sizes is equally likely, and the p-value is the share of
/// splits whose statistic is at least as extreme as the observed one. Exact by enumeration up to
/// <see cref="MaxExact"/> splits (10 vs 10 seeds: 184,756), else a seeded Monte Carlo estimate (1 + hits)/(1 + draws),
/// which never reports p = 0. With 5 vs 5 seeds completely separated it gives 2/252 = 0.0079 two-sided, which cannot reach
/// α/k once k ≥ 7: the evaluator must say so rather than call the part decided.
/// </summary>
public static class PermutationTest
{
    public const int MaxExact = 250_000;

    /// <param name="Splits">How many splits were counted: all of them when <see cref="Exact"/>, else the Monte Carlo draws.</param>
    public sealed record Result(double Observed, double PGreater, double PLess, long Splits, bool Exact)
    {
        public double PTwoSided => Math.Min(1, 2 * Math.Min(PGreater, PLess));
    }

    /// <summary>The test with the statistic P(A &gt; B) (Mann–Whitney U / n·m), ties counting one half.</summary>
    public static Result ProbabilityGreater(IReadOnlyList<double> a, IReadOnlyList<double> b, int resamples = 20_000, ulong seed = 1) =>
        TwoGroup(a, b, Effects.ProbabilityGreater, resamples, seed);

    public static Result TwoGroup(IReadOnlyList<double> a, IReadOnlyList<double> b,
        Func<IReadOnlyList<double>, IReadOnlyList<double>, double> statistic, int resamples = 20_000, ulong seed = 1)
    {
        var pooled = a.Concat(b).ToArray();
        var observed = statistic(a, b);
        // A split counts as "at least as extreme" up to rounding: U/(n·m) values are multiples of 1/(2nm).
        var tolerance = 1e-12 * Math.Max(1, Math.Abs(observed));
        long greater = 0, less = 0, splits = 0;
        void Count(double value)
        {
            if (value >= observed - tolerance) greater++;
            if (value <= observed + tolerance) less++;
            splits++;
        }

        var total = Math.Exp(Combinatorics.LogChoose(pooled.Length, a.Count));
        if (total <= MaxExact)
        {
            foreach (var chosen in Combinations(pooled.Length, a.Count))
            {
                var (groupA, groupB) = Split(pooled, chosen);
                Count(statistic(groupA, groupB));
            }
            return new Result(observed, (double)greater / splits, (double)less / splits, splits, Exact: true);
        }

        var random = new SeededRandom(seed);
        var indices = Enumerable.Range(0, pooled.Length).ToArray();
        for (var r = 0; r < resamples; r++)
        {
            // Partial Fisher–Yates: the first |A| indices become group A.
            for (var i = 0; i < a.Count; i++)
            {
                var j = i + random.Next(indices.Length - i);
                (indices[i], indices[j]) = (indices[j], indices[i]);
            }
            var chosen = new bool[pooled.Length];
            for (var i = 0; i < a.Count; i++) chosen[indices[i]] = true;
            var (groupA, groupB) = Split(pooled, chosen);
            Count(statistic(groupA, groupB));
        }
        // The observed split is one of the possible ones: counting it keeps the estimate valid (never 0).
        return new Result(observed, (greater + 1.0) / (splits + 1), (less + 1.0) / (splits + 1), splits, Exact: false);
    }

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

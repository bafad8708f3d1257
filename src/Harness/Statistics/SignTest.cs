namespace Harness.Statistics;

/// <summary>
/// The exact sign test for seed-matched pairs: under the null that A and B are exchangeable within a pair, the number of
/// pairs with A &gt; B among the untied ones is Binomial(n, ½). Exact at any n, with no assumption about the metric's
/// distribution: with 5 unanimous pairs it says p = 2·(½)⁵ = 0.0625 two-sided, where a percentile bootstrap of the same
/// pairs collapses to [1, 1] and would call the claim decided.
/// </summary>
internal static class SignTest
{
    /// <param name="Greater">Pairs with A &gt; B.</param>
    /// <param name="Less">Pairs with A &lt; B.</param>
    /// <param name="Ties">Pairs with A = B, left out of the test (the usual convention).</param>
    public sealed record Result(int Greater, int Less, int Ties, double PGreater, double PLess)
    {
        /// <summary>Twice the smaller tail, at most 1.</summary>
        public double PTwoSided => Math.Min(1, 2 * Math.Min(PGreater, PLess));
    }

    /// <summary>The test on differences d = a − b of matched pairs.</summary>
    public static Result Paired(IReadOnlyList<double> differences)
    {
        var greater = differences.Count(d => d > 0);
        var less = differences.Count(d => d < 0);
        var n = greater + less;
        // One-sided p for "A > B": P(X ≥ greater); for "A < B": P(X ≥ less), X ~ Binomial(n, ½).
        return new Result(greater, less, differences.Count - n, UpperTail(n, greater), UpperTail(n, less));
    }

    /// <summary>P(X ≥ k) for X ~ Binomial(n, ½), summed exactly in log space (no overflow at large n).</summary>
    public static double UpperTail(int n, int k)
    {
        if (k <= 0) return 1;
        if (k > n) return 0;
        double sum = 0;
        for (var i = k; i <= n; i++) sum += Math.Exp(Combinatorics.LogChoose(n, i) - n * Math.Log(2));
        return Math.Min(1, sum);
    }

    /// <summary>
    /// The fewest untied pairs with which the test can reach <paramref name="alpha"/> two-sided at all, even when every
    /// pair agrees: the smallest n with 2·(½)ⁿ ≤ α. At α = 0.05/6 that is 8.
    /// </summary>
    public static int MinimumPairs(double alpha)
    {
        var n = 1;
        while (2 * Math.Pow(0.5, n) > alpha) n++;
        return n;
    }
}

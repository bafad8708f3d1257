namespace Harness.Statistics;

/// <summary>
/// A trend test with seeds as blocks. The runs of one seed share its initialisation and shuffle streams, so they are
/// not independent draws; under the null that the axis has no effect, the values within a seed are exchangeable across
/// the axis's levels. The statistic is the mean over seeds of Spearman's ρ within a seed (Page's L up to a linear
/// transform), and the test permutes the values within every seed, never across seeds. Each seed's arrangement is then
/// uniform and independent of the others', so the null distribution is the convolution of the seeds' own distributions
/// of ρ (<see cref="TrendConvolution"/>): exact at any number of seeds, down to (1/L!)ᵇ for b perfectly ordered seeds,
/// where Monte Carlo can say no less than 1/(1 + draws). Seeded Monte Carlo (1 + hits)/(1 + draws) remains for a seed
/// with more than <see cref="TrendConvolution.MaxLevels"/> levels or a convolution too wide to hold.
/// </summary>
internal static class TrendTest
{
    /// <summary>One seed's runs: the axis value and the metric of each.</summary>
    public sealed record Block(IReadOnlyList<double> X, IReadOnlyList<double> Y)
    {
        public double Rho => Effects.Spearman(X, Y);
    }

    /// <param name="resamples">Monte Carlo draws, used only when the exact convolution is out of reach.</param>
    public static PermutationTest.Result WithinBlocks(IReadOnlyList<Block> blocks, int resamples = 20_000, ulong seed = 1) =>
        TrendConvolution.Exact(blocks) ?? MonteCarlo(blocks, resamples, seed);

    private static PermutationTest.Result MonteCarlo(IReadOnlyList<Block> blocks, int resamples, ulong seed)
    {
        var ys = blocks.Select(b => b.Y.ToArray()).ToArray();
        var rhos = blocks.Select(b => b.Rho).ToArray();
        var observed = rhos.Average();
        var tolerance = 1e-12;
        long greater = 0, less = 0;
        var random = new SeededRandom(seed);
        for (var r = 0; r < resamples; r++)
        {
            for (var b = 0; b < ys.Length; b++)
            {
                for (var i = ys[b].Length - 1; i > 0; i--)
                {
                    var j = random.Next(i + 1);
                    (ys[b][i], ys[b][j]) = (ys[b][j], ys[b][i]);
                }
                rhos[b] = Effects.Spearman(blocks[b].X, ys[b]);
            }
            var value = rhos.Average();
            if (value >= observed - tolerance) greater++;
            if (value <= observed + tolerance) less++;
        }
        // The observed arrangement is one of the possible ones: counting it keeps the estimate valid (never 0).
        return new PermutationTest.Result(observed, (greater + 1.0) / (resamples + 1), (less + 1.0) / (resamples + 1), resamples,
            Exact: false);
    }

    /// <summary>
    /// The fewest seeds with which the test can reach <paramref name="alpha"/> two-sided at all: with L distinct levels per
    /// seed the most extreme arrangement has probability (1/L!) per seed, so the smallest b with 2·(1/L!)ᵇ ≤ α.
    /// Five depths reach α = 0.025 with 1 seed (2/120 = 0.0167) and α = 0.01 with 2 (2/120 = 0.0167 > 0.01;
    /// 2/14,400 = 0.00014).
    /// </summary>
    public static int MinimumBlocks(int levels, double alpha)
    {
        var b = 1;
        while (Math.Log(2) - b * Combinatorics.LogFactorial(levels) > Math.Log(alpha)) b++;
        return b;
    }
}

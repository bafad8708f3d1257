namespace Harness.Statistics;

/// <summary>
/// A trend test with seeds as blocks. The runs of one seed share its initialisation and shuffle streams, so they are
/// not independent draws; under the null that the axis has no effect, the values within a seed are exchangeable across
/// the axis's levels. The statistic is the mean over seeds of Spearman's ρ within a seed (Page's L up to a linear
/// transform), and the test permutes the values within every seed, never across seeds. Exact by enumeration up to
/// <see cref="PermutationTest.MaxExact"/> arrangements, else seeded Monte Carlo (1 + hits)/(1 + draws).
/// </summary>
public static class TrendTest
{
    /// <summary>One seed's runs: the axis value and the metric of each.</summary>
    public sealed record Block(IReadOnlyList<double> X, IReadOnlyList<double> Y)
    {
        public double Rho => Effects.Spearman(X, Y);
    }

    public static PermutationTest.Result WithinBlocks(IReadOnlyList<Block> blocks, int resamples = 20_000, ulong seed = 1)
    {
        var ys = blocks.Select(b => b.Y.ToArray()).ToArray();
        var rhos = blocks.Select(b => b.Rho).ToArray();
        var observed = rhos.Average();
        var tolerance = 1e-12;
        long greater = 0, less = 0, count = 0;
        void Count()
        {
            var value = rhos.Average();
            if (value >= observed - tolerance) greater++;
            if (value <= observed + tolerance) less++;
            count++;
        }
        void Rescore(int b) => rhos[b] = Effects.Spearman(blocks[b].X, ys[b]);

        if (blocks.Sum(b => Combinatorics.LogFactorial(b.Y.Count)) <= Math.Log(PermutationTest.MaxExact))
        {
            Enumerate(0);
            return new PermutationTest.Result(observed, (double)greater / count, (double)less / count, count, Exact: true);
        }

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
                Rescore(b);
            }
            Count();
        }
        return new PermutationTest.Result(observed, (greater + 1.0) / (count + 1), (less + 1.0) / (count + 1), count, Exact: false);

        // Heap's algorithm within block b, recursing into the next block for every arrangement of this one.
        void Enumerate(int b)
        {
            if (b == ys.Length) { Count(); return; }
            var y = ys[b];
            var c = new int[y.Length];
            Enumerate(b + 1);
            for (var i = 0; i < y.Length;)
            {
                if (c[i] < i)
                {
                    var j = i % 2 == 0 ? 0 : c[i];
                    (y[j], y[i]) = (y[i], y[j]);
                    Rescore(b);
                    Enumerate(b + 1);
                    c[i]++;
                    i = 0;
                }
                else c[i++] = 0;
            }
        }
    }

    /// <summary>
    /// The fewest seeds with which the test can reach <paramref name="alpha"/> two-sided at all: with L distinct levels per
    /// seed the most extreme arrangement has probability (1/L!) per seed, so the smallest b with 2·(1/L!)ᵇ ≤ α.
    /// Five depths reach α/2 = 0.025 with 2 seeds (2/14400).
    /// </summary>
    public static int MinimumBlocks(int levels, double alpha)
    {
        var b = 1;
        while (Math.Log(2) - b * Combinatorics.LogFactorial(levels) > Math.Log(alpha)) b++;
        return b;
    }
}

using System.Runtime.InteropServices;

namespace Harness.Statistics;

/// <summary>
/// The exact null distribution of <see cref="TrendTest"/>'s statistic. Each seed's distribution of ρ comes from all L! of
/// its arrangements, scored by <see cref="Effects.Spearman"/> exactly as the observed ρ is; the seeds' distributions are
/// then convolved one by one. ρ is keyed as a whole number of 10⁻⁹ so that the sums over seeds are exact integer
/// additions, independent of the order the convolution adds them in. Each key is ρ rounded, off by at most ½, so two
/// arrangements whose sums of ρ are equal can have key sums up to one key per seed apart: with six levels ρ = m/35, and
/// (1/35, 1/35) keys one above (−1/35, 3/35). "At least as extreme" therefore allows that slack, b·10⁻⁹ on the sum of
/// b seeds' ρ, far below the gap between distinct sums (2/84 without ties at 8 levels). Comparing sums is comparing
/// means: every arrangement has the same number of seeds.
/// </summary>
internal static class TrendConvolution
{
    /// <summary>8! = 40,320 arrangements of one seed, scored one by one.</summary>
    public const int MaxLevels = 8;

    /// <summary>The most distinct sums the convolution holds (two dictionaries of this size are tens of MB).</summary>
    public const int MaxSupport = 2_000_000;

    /// <summary>The most additions one convolution step may take: a few seconds on one core.</summary>
    public const long MaxPairs = 100_000_000;

    private const double Scale = 1e9;

    /// <summary>Null when a seed has more than <see cref="MaxLevels"/> levels or the convolution outgrows its caps.</summary>
    public static PermutationTest.Result? Exact(IReadOnlyList<TrendTest.Block> blocks)
    {
        if (blocks.Any(b => b.Y.Count > MaxLevels)) return null;
        Dictionary<long, double>? sum = new() { [0] = 1 };
        long observed = 0, arrangements = 1;
        // ρ reads only ranks, so seeds with the same ranks of X and the same ranks of Y up to order share one distribution,
        // bit for bit: the usual case of distinct metrics at the same levels scores L! arrangements once, not once a seed.
        var distributions = new Dictionary<string, Dictionary<long, double>>();
        foreach (var block in blocks)
        {
            observed += Key(block.Rho);
            var pattern = string.Join(",", Effects.Ranks(block.X)) + "|" + string.Join(",", Effects.Ranks(block.Y).Order());
            if (!distributions.TryGetValue(pattern, out var distribution))
                distributions[pattern] = distribution = Distribution(block);
            sum = Convolve(sum, distribution);
            if (sum is null) return null;
            arrangements = SaturatingProduct(arrangements, Factorial(block.Y.Count));
        }
        var slack = blocks.Count;
        double greater = 0, less = 0;
        foreach (var (key, p) in sum)
        {
            if (key >= observed - slack) greater += p;
            if (key <= observed + slack) less += p;
        }
        return new PermutationTest.Result(blocks.Select(b => b.Rho).Average(), Math.Min(1, greater), Math.Min(1, less),
            arrangements, Exact: true);
    }

    private static long Key(double rho) => (long)Math.Round(rho * Scale);

    /// <summary>One seed's ρ over every arrangement of its values (Heap's algorithm: each one swap from the last).</summary>
    private static Dictionary<long, double> Distribution(TrendTest.Block block)
    {
        var y = block.Y.ToArray();
        var counts = new Dictionary<long, long>();
        void Score() => CollectionsMarshal.GetValueRefOrAddDefault(counts, Key(Effects.Spearman(block.X, y)), out _)++;
        var c = new int[y.Length];
        Score();
        for (var i = 1; i < y.Length;)
        {
            if (c[i] < i)
            {
                var j = i % 2 == 0 ? 0 : c[i];
                (y[j], y[i]) = (y[i], y[j]);
                Score();
                c[i]++;
                i = 1;
            }
            else c[i++] = 0;
        }
        double total = Factorial(y.Length);
        return counts.ToDictionary(kv => kv.Key, kv => kv.Value / total);
    }

    private static Dictionary<long, double>? Convolve(Dictionary<long, double> a, Dictionary<long, double> b)
    {
        if ((long)a.Count * b.Count > MaxPairs) return null;
        var sum = new Dictionary<long, double>();
        foreach (var (x, p) in a)
            foreach (var (y, q) in b)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(sum, x + y, out _) += p * q;
                if (sum.Count > MaxSupport) return null;
            }
        return sum;
    }

    private static long Factorial(int n)
    {
        long f = 1;
        for (var i = 2; i <= n; i++) f *= i;
        return f;
    }

    /// <summary>The count of arrangements, held at long.MaxValue past it (10 seeds of 5 levels have 120¹⁰ ≈ 6.2·10²⁰).</summary>
    private static long SaturatingProduct(long a, long b) => a > long.MaxValue / b ? long.MaxValue : a * b;
}

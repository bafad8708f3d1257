using Harness.Statistics;

namespace Harness.Tests.Unit.Statistics;

/// <summary>
/// The trend test's exact null by convolution against a brute-force walk over every arrangement of every seed, and
/// against Python's exact rational convolution (fractions.Fraction, ρ = 1 − 6Σd²/(n(n² − 1)) for distinct values).
/// </summary>
public sealed class TrendTestTests
{
    private static readonly double[] Depths = [1, 2, 3, 4, 5];

    private static TrendTest.Block Block(params double[] y) => new(Depths, y);

    [Test]
    public void The_convolution_matches_brute_force_with_ties_and_a_seed_of_two_levels()
    {
        TrendTest.Block[] blocks =
        [
            new([1, 2, 3, 4], [0.3, 0.1, 0.5, 0.2]),
            new([1, 2, 3, 4], [0.2, 0.2, 0.6, 0.4]),
            new([1, 2], [0.9, 0.7]),
            new([1, 2, 3, 4], [0.5, 0.6, 0.6, 0.9]),
        ];
        var (greater, less, count) = BruteForce(blocks);
        var result = TrendTest.WithinBlocks(blocks);
        Assert.That(result.Exact, Is.True);
        Assert.That(result.Splits, Is.EqualTo(count).And.EqualTo(24 * 24 * 2 * 24));
        Assert.That(result.PGreater, Is.EqualTo(greater).Within(1e-12));
        Assert.That(result.PLess, Is.EqualTo(less).Within(1e-12));
        Assert.That(result.PGreater + result.PLess, Is.GreaterThan(1), "the observed sum is counted on both sides");
    }

    [Test]
    public void Three_seeds_of_four_levels_match_brute_force()
    {
        TrendTest.Block[] blocks = [new([1, 2, 3, 4], [4, 1, 3, 2]), new([1, 2, 3, 4], [1, 3, 2, 4]), new([1, 2, 3, 4], [2, 1, 4, 3])];
        var (greater, less, _) = BruteForce(blocks);
        var result = TrendTest.WithinBlocks(blocks);
        Assert.That(result.PGreater, Is.EqualTo(greater).Within(1e-12));
        Assert.That(result.PLess, Is.EqualTo(less).Within(1e-12));
    }

    [Test]
    public void Equal_means_made_of_different_rhos_count_as_equal_despite_rounding_to_keys()
    {
        // Six levels: ρ = m/35. Keyed in 10⁻⁹, 1/35 rounds up by 0.43 while −1/35 and 3/35 round by −0.43 and +0.29, so
        // ρ's (1/35, 1/35) and (−1/35, 3/35) have the same sum but key sums one apart: the key comparison needs that slack.
        double[] x = [1, 2, 3, 4, 5, 6], y = [1, 4, 6, 5, 3, 2];
        TrendTest.Block[] blocks = [new(x, y), new(x, y)];
        Assert.That(blocks[0].Rho, Is.EqualTo(1 / 35.0).Within(1e-12));
        var (greater, less, _) = BruteForce(blocks);
        var result = TrendTest.WithinBlocks(blocks);
        Assert.That(result.Exact, Is.True);
        Assert.That(result.PGreater, Is.EqualTo(greater).Within(1e-12));
        Assert.That(result.PLess, Is.EqualTo(less).Within(1e-12));
    }

    [TestCase(3, 4)]
    [TestCase(4, 3)]
    [TestCase(2, 6)]
    public void Perfectly_ordered_seeds_give_one_over_l_factorial_to_the_b(int levels, int seeds)
    {
        double[] x = [.. Enumerable.Range(1, levels).Select(i => (double)i)];
        var increasing = Enumerable.Repeat(new TrendTest.Block(x, x), seeds).ToList();
        var decreasing = Enumerable.Repeat(new TrendTest.Block(x, [.. x.Reverse()]), seeds).ToList();
        var p = Math.Pow(1 / Factorial(levels), seeds);
        var up = TrendTest.WithinBlocks(increasing);
        Assert.That(up.PGreater, Is.EqualTo(p).Within(1e-12).Percent);
        Assert.That(up.PLess, Is.EqualTo(1).Within(1e-12));
        var down = TrendTest.WithinBlocks(decreasing);
        Assert.That(down.PLess, Is.EqualTo(p).Within(1e-12).Percent);
        Assert.That(down.PGreater, Is.EqualTo(1).Within(1e-12));
    }

    [Test]
    public void Ten_perfectly_ordered_seeds_of_five_depths_have_no_monte_carlo_floor()
    {
        var blocks = Enumerable.Range(0, 10).Select(s => Block(0.80 + s / 1000.0, 0.82, 0.84, 0.86, 0.88)).ToList();
        var result = TrendTest.WithinBlocks(blocks);
        Assert.That(result.Exact, Is.True);
        Assert.That(result.Observed, Is.EqualTo(1).Within(1e-12));
        Assert.That(result.PGreater, Is.EqualTo(1.6150558288984572e-21).Within(1e-10).Percent, "(1/120)¹⁰");
        Assert.That(result.PTwoSided, Is.EqualTo(2 * 1.6150558288984572e-21).Within(1e-10).Percent);
        Assert.That(result.Splits, Is.EqualTo(long.MaxValue), "120¹⁰ ≈ 6.2·10²⁰ arrangements do not fit a long");
    }

    [Test]
    public void A_realistic_strong_trend_matches_python_s_exact_convolution()
    {
        // Ten seeds of five depths, two perfectly ordered and the rest one swap away: mean ρ = 0.91.
        TrendTest.Block[] blocks =
        [
            Block(.81, .84, .86, .85, .88), Block(.80, .83, .85, .87, .86), Block(.82, .81, .84, .86, .87),
            Block(.79, .83, .84, .86, .89), Block(.81, .82, .86, .84, .87), Block(.80, .84, .83, .85, .88),
            Block(.83, .82, .85, .87, .86), Block(.78, .83, .85, .86, .88), Block(.81, .83, .82, .86, .87),
            Block(.80, .82, .84, .88, .87),
        ];
        var result = TrendTest.WithinBlocks(blocks);
        Assert.That(result.Exact, Is.True);
        Assert.That(result.Observed, Is.EqualTo(0.91).Within(1e-12));
        Assert.That(result.PGreater, Is.EqualTo(3.0619901440590106e-13).Within(1e-9).Percent);
        Assert.That(result.PLess, Is.EqualTo(0.9999999999999132).Within(1e-12));
        Assert.That(result.PTwoSided, Is.EqualTo(6.123980288118021e-13).Within(1e-9).Percent);
    }

    [Test]
    public void A_realistic_weak_trend_matches_python_s_exact_convolution()
    {
        TrendTest.Block[] blocks =
        [
            Block(.84, .81, .86, .83, .85), Block(.82, .85, .81, .84, .86), Block(.83, .86, .84, .82, .85),
            Block(.80, .82, .85, .84, .83), Block(.85, .83, .82, .86, .84), Block(.81, .84, .83, .82, .86),
            Block(.86, .82, .85, .83, .84), Block(.82, .81, .84, .86, .85), Block(.83, .85, .82, .84, .81),
            Block(.84, .82, .81, .83, .86),
        ];
        var result = TrendTest.WithinBlocks(blocks);
        Assert.That(result.Observed, Is.EqualTo(0.24).Within(1e-12));
        Assert.That(result.PGreater, Is.EqualTo(0.06919961812427979).Within(1e-12));
        Assert.That(result.PLess, Is.EqualTo(0.9389503455523559).Within(1e-12));
        Assert.That(result.PTwoSided, Is.EqualTo(0.13839923624855957).Within(1e-12));
    }

    [Test]
    public void A_seed_of_nine_levels_falls_back_to_seeded_monte_carlo()
    {
        double[] x = [.. Enumerable.Range(1, 9).Select(i => (double)i)];
        var blocks = Enumerable.Repeat(new TrendTest.Block(x, x), 2).ToList();
        var result = TrendTest.WithinBlocks(blocks, resamples: 2000, seed: 3);
        Assert.That(result.Exact, Is.False, "9! = 362,880 arrangements of one seed");
        Assert.That(result.Splits, Is.EqualTo(2000));
        Assert.That(result.PGreater, Is.EqualTo(1 / 2001.0), "only the observed arrangement is as extreme");
        Assert.That(TrendTest.WithinBlocks(blocks, resamples: 2000, seed: 3), Is.EqualTo(result));
    }

    /// <summary>
    /// Every arrangement of every seed, by recursion (not Heap's algorithm), compared as means of ρ in floating point
    /// with a tolerance far below the gaps between distinct means and far above rounding.
    /// </summary>
    private static (double Greater, double Less, long Count) BruteForce(IReadOnlyList<TrendTest.Block> blocks)
    {
        var observed = blocks.Average(b => b.Rho);
        var each = blocks.Select(b => Permutations(b.Y.ToList()).Select(y => Effects.Spearman(b.X, y)).ToArray()).ToArray();
        long greater = 0, less = 0, count = 0;
        var rhos = new double[blocks.Count];
        void Walk(int b)
        {
            if (b == blocks.Count)
            {
                var mean = rhos.Average();
                if (mean >= observed - 1e-9) greater++;
                if (mean <= observed + 1e-9) less++;
                count++;
                return;
            }
            foreach (var rho in each[b])
            {
                rhos[b] = rho;
                Walk(b + 1);
            }
        }
        Walk(0);
        return ((double)greater / count, (double)less / count, count);
    }

    private static IEnumerable<List<double>> Permutations(List<double> values)
    {
        if (values.Count == 0) { yield return []; yield break; }
        for (var i = 0; i < values.Count; i++)
        {
            var rest = values.Where((_, k) => k != i).ToList();
            foreach (var tail in Permutations(rest)) yield return [values[i], .. tail];
        }
    }

    private static double Factorial(int n) => Enumerable.Range(1, n).Aggregate(1.0, (f, i) => f * i);
}

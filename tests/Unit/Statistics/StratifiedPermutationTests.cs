using Harness.Statistics;

namespace Harness.Tests.Unit.Statistics;

/// <summary>
/// The permutation test that swaps labels only within exchangeable sets (a seed's runs), against a brute force over
/// bitmasks, against the unstratified test, and against the sign-flip test it becomes for seed-matched pairs.
/// </summary>
public sealed class StratifiedPermutationTests
{
    private static readonly Stratum[] Small =
    [
        new([0.81, 0.84], [0.80, 0.79, 0.83]),
        new([0.86], [0.82, 0.86]),
        new([0.90, 0.85, 0.88], [0.84]),
        new([0.70], []),
    ];

    [Test]
    public void It_matches_brute_force_over_every_deal_within_every_stratum()
    {
        foreach (var (name, statistic) in Statistics())
        {
            var (greater, less, count) = BruteForce(Small, statistic);
            var result = PermutationTest.Stratified(Small, statistic);
            Assert.That(result.Exact, Is.True, name);
            Assert.That(result.Splits, Is.EqualTo(count).And.EqualTo(10 * 3 * 4 * 1), name);
            Assert.That(result.PGreater, Is.EqualTo(greater).Within(1e-12), name);
            Assert.That(result.PLess, Is.EqualTo(less).Within(1e-12), name);
        }
    }

    [Test]
    public void The_observed_statistic_is_of_all_a_values_against_all_b_values()
    {
        var result = PermutationTest.ProbabilityGreater(Small);
        double[] a = [0.81, 0.84, 0.86, 0.90, 0.85, 0.88, 0.70], b = [0.80, 0.79, 0.83, 0.82, 0.86, 0.84];
        Assert.That(result.Observed, Is.EqualTo(Effects.ProbabilityGreater(a, b)));
    }

    [Test]
    public void One_stratum_holding_everything_is_the_two_group_test()
    {
        double[] a = [1, 3, 5, 7, 7], b = [2, 4, 6, 7];
        Assert.That(PermutationTest.ProbabilityGreater([new Stratum(a, b)]), Is.EqualTo(PermutationTest.ProbabilityGreater(a, b)));
        Assert.That(PermutationTest.Stratified([new Stratum(a, b)], Effects.MeanDifference),
            Is.EqualTo(PermutationTest.TwoGroup(a, b, Effects.MeanDifference)));
        // The two-group test's own figure, from Python's itertools over the 126 splits.
        Assert.That(PermutationTest.ProbabilityGreater([new Stratum(a, b)]).PGreater, Is.EqualTo(0.5476190476190477).Within(1e-12));

        double[] high = [.. Enumerable.Range(13, 12).Select(i => (double)i)], low = [.. Enumerable.Range(1, 12).Select(i => (double)i)];
        var stratified = PermutationTest.ProbabilityGreater([new Stratum(high, low)], resamples: 3000, seed: 5);
        Assert.That(stratified.Exact, Is.False);
        Assert.That(stratified, Is.EqualTo(PermutationTest.ProbabilityGreater(high, low, resamples: 3000, seed: 5)));
    }

    [Test]
    public void Five_unanimous_pairs_give_the_sign_flip_s_2_over_32()
    {
        var pairs = Pairs([0.1, 0.2, 0.05, 0.3, 0.01]);
        var result = PermutationTest.Stratified(pairs, Effects.MeanDifference);
        Assert.That(result.Exact, Is.True);
        Assert.That(result.Splits, Is.EqualTo(32));
        Assert.That(result.PGreater, Is.EqualTo(1 / 32.0).Within(1e-15));
        Assert.That(result.PTwoSided, Is.EqualTo(0.0625).Within(1e-15), "2·(½)⁵, as the sign test says");
        Assert.That(PermutationTest.SmallestTwoSidedP(pairs), Is.EqualTo(0.0625).Within(1e-15));
    }

    [Test]
    public void Pairs_with_the_mean_difference_are_the_sign_flip_test_of_their_differences()
    {
        double[] differences = [0.3, -0.1, 0.2, 0.5, -0.4, 0.05, 0.15];
        var result = PermutationTest.Stratified(Pairs(differences), Effects.MeanDifference);
        // Every one of the 2⁷ sign vectors, scored by the sum of signed differences.
        var observed = differences.Sum();
        int greater = 0, less = 0;
        for (var mask = 0; mask < 1 << differences.Length; mask++)
        {
            var sum = differences.Select((d, i) => (mask >> i & 1) == 1 ? -d : d).Sum();
            if (sum >= observed - 1e-9) greater++;
            if (sum <= observed + 1e-9) less++;
        }
        Assert.That(result.PGreater, Is.EqualTo(greater / 128.0).Within(1e-15));
        Assert.That(result.PLess, Is.EqualTo(less / 128.0).Within(1e-15));
    }

    [Test]
    public void A_stratum_with_one_group_only_allows_no_rearrangement()
    {
        var strata = Pairs([0.1, 0.2, 0.05, 0.3, 0.01]).Concat(Enumerable.Range(0, 5).Select(i => new Stratum([], [0.5 + i])))
            .ToList();
        Assert.That(PermutationTest.SmallestTwoSidedP(strata), Is.EqualTo(2 / 32.0).Within(1e-15));
        Assert.That(PermutationTest.Stratified(strata, Effects.MeanDifference).Splits, Is.EqualTo(32));
        Assert.That(PermutationTest.SmallestTwoSidedP([new Stratum([1, 2], [])]), Is.EqualTo(1), "capped at 1");
        Assert.That(PermutationTest.SmallestTwoSidedP([new Stratum([1, 2, 3, 4, 5], [6, 7, 8, 9, 10])]),
            Is.EqualTo(2 / 252.0).Within(1e-15));
    }

    [Test]
    public void Beyond_exact_enumeration_the_estimate_is_seeded_and_never_zero()
    {
        // Twenty pairs (2²⁰ = 1,048,576 deals) plus a stratum of 4 against 4, all A above B.
        var strata = Pairs([.. Enumerable.Range(1, 20).Select(i => i / 10.0)]).Append(new Stratum([5, 6, 7, 8], [1, 2, 3, 4])).ToList();
        var first = PermutationTest.ProbabilityGreater(strata, resamples: 2000, seed: 11);
        Assert.That(first.Exact, Is.False);
        Assert.That(first.Splits, Is.EqualTo(2000));
        Assert.That(first.PGreater, Is.GreaterThan(0));
        Assert.That(PermutationTest.ProbabilityGreater(strata, resamples: 2000, seed: 11), Is.EqualTo(first));
        var mean = PermutationTest.Stratified(strata, Effects.MeanDifference, resamples: 2000, seed: 11);
        Assert.That(mean.PGreater, Is.EqualTo(1 / 2001.0), "only the observed deal is as extreme");
        Assert.That(PermutationTest.SmallestTwoSidedP(strata), Is.EqualTo(2 / (1048576.0 * 70)).Within(1e-10).Percent);
    }

    private static List<Stratum> Pairs(IEnumerable<double> differences) =>
        [.. differences.Select((d, i) => new Stratum([i + d], [(double)i]))];

    private static IEnumerable<(string, Func<IReadOnlyList<double>, IReadOnlyList<double>, double>)> Statistics() =>
        [("P(A > B)", Effects.ProbabilityGreater), ("mean difference", Effects.MeanDifference)];

    /// <summary>Every deal, as one bitmask per stratum marking which of its pooled values go to A.</summary>
    private static (double Greater, double Less, long Count) BruteForce(IReadOnlyList<Stratum> strata,
        Func<IReadOnlyList<double>, IReadOnlyList<double>, double> statistic)
    {
        var pools = strata.Select(s => s.A.Concat(s.B).ToArray()).ToArray();
        var masks = strata.Select((s, k) => Enumerable.Range(0, 1 << pools[k].Length)
            .Where(m => System.Numerics.BitOperations.PopCount((uint)m) == s.A.Count).ToArray()).ToArray();
        var observed = statistic([.. strata.SelectMany(s => s.A)], [.. strata.SelectMany(s => s.B)]);
        long greater = 0, less = 0, count = 0;
        void Walk(int s, List<double> a, List<double> b)
        {
            if (s == strata.Count)
            {
                var value = statistic(a, b);
                if (value >= observed - 1e-9) greater++;
                if (value <= observed + 1e-9) less++;
                count++;
                return;
            }
            foreach (var mask in masks[s])
            {
                var pool = pools[s];
                Walk(s + 1, [.. a, .. pool.Where((_, i) => (mask >> i & 1) == 1)], [.. b, .. pool.Where((_, i) => (mask >> i & 1) == 0)]);
            }
        }
        Walk(0, [], []);
        return ((double)greater / count, (double)less / count, count);
    }
}

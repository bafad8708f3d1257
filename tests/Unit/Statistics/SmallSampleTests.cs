using Harness.Statistics;

namespace Harness.Tests.Unit.Statistics;

/// <summary>
/// Exact small-sample inference against values computed independently: binomial sums by hand, permutation p-values by
/// enumerating every split with Python's itertools, t quantiles from a continued-fraction incomplete beta (Python, no
/// SciPy), so a shared library bug cannot make both sides agree.
/// </summary>
public sealed class SmallSampleTests
{
    [Test]
    public void Five_unanimous_pairs_give_the_sign_test_s_0_0625_not_a_decision()
    {
        var result = SignTest.Paired([0.1, 0.2, 0.05, 0.3, 0.01]);
        Assert.That(result.PGreater, Is.EqualTo(1 / 32.0).Within(1e-15));
        Assert.That(result.PTwoSided, Is.EqualTo(0.0625).Within(1e-15), "2·(½)⁵: above 0.05 before any correction");
        Assert.That(result.PLess, Is.EqualTo(1).Within(1e-15));
    }

    [Test]
    public void The_sign_test_sums_the_binomial_tail_and_drops_ties()
    {
        // 8 of 10 pairs greater: P(X ≥ 8) = (C(10,8) + C(10,9) + C(10,10)) / 2¹⁰ = (45 + 10 + 1) / 1024.
        var eight = SignTest.Paired([1, 1, 1, 1, 1, 1, 1, 1, -1, -1]);
        Assert.That(eight.PGreater, Is.EqualTo(56 / 1024.0).Within(1e-15));
        Assert.That(eight.PTwoSided, Is.EqualTo(112 / 1024.0).Within(1e-15));
        // One tie: n = 4 untied, 3 greater: P(X ≥ 3) = (4 + 1) / 16.
        var tied = SignTest.Paired([1, 1, 1, 0, -1]);
        Assert.That((tied.Greater, tied.Less, tied.Ties), Is.EqualTo((3, 1, 1)));
        Assert.That(tied.PGreater, Is.EqualTo(5 / 16.0).Within(1e-15));
    }

    [TestCase(0.05, 6)]
    [TestCase(0.05 / 6, 8)]
    [TestCase(0.05 / 8, 9)]
    public void The_fewest_pairs_that_can_reach_alpha_are_derived_not_chosen(double alpha, int pairs)
    {
        Assert.That(SignTest.MinimumPairs(alpha), Is.EqualTo(pairs));
        Assert.That(2 * Math.Pow(0.5, pairs), Is.LessThanOrEqualTo(alpha));
        Assert.That(2 * Math.Pow(0.5, pairs - 1), Is.GreaterThan(alpha));
    }

    [Test]
    public void Five_against_five_completely_separated_give_2_over_252()
    {
        var result = PermutationTest.ProbabilityGreater([6, 7, 8, 9, 10], [1, 2, 3, 4, 5]);
        Assert.That(result.Exact, Is.True);
        Assert.That(result.Splits, Is.EqualTo(252));
        Assert.That(result.Observed, Is.EqualTo(1));
        Assert.That(result.PGreater, Is.EqualTo(1 / 252.0).Within(1e-15));
        Assert.That(result.PTwoSided, Is.EqualTo(2 / 252.0).Within(1e-15), "0.0079: above α/k = 0.05/7");
        Assert.That(result.PTwoSided, Is.GreaterThan(0.05 / 7));
    }

    [Test]
    public void An_overlapping_split_with_ties_matches_full_enumeration()
    {
        // itertools.combinations over the 9 pooled values: 126 splits, 69 with U/(n·m) >= 0.5 and 69 with <= 0.5.
        var result = PermutationTest.ProbabilityGreater([1, 3, 5, 7, 7], [2, 4, 6, 7]);
        Assert.That(result.Observed, Is.EqualTo(0.5));
        Assert.That(result.Splits, Is.EqualTo(126));
        Assert.That(result.PGreater, Is.EqualTo(0.5476190476190477).Within(1e-12));
        Assert.That(result.PLess, Is.EqualTo(0.5476190476190477).Within(1e-12));
        Assert.That(result.PTwoSided, Is.EqualTo(1));
    }

    [TestCase(0.05 / 6, 5)]
    [TestCase(0.05 / 7, 6)]
    public void The_fewest_seeds_per_group_that_can_reach_alpha_are_derived(double alpha, int perGroup) =>
        Assert.That(PermutationTest.MinimumPerGroup(alpha), Is.EqualTo(perGroup));

    [Test]
    public void Beyond_exact_enumeration_the_estimate_is_seeded_and_never_zero()
    {
        double[] high = [.. Enumerable.Range(13, 12).Select(i => (double)i)], low = [.. Enumerable.Range(1, 12).Select(i => (double)i)];
        var first = PermutationTest.ProbabilityGreater(high, low, resamples: 5000, seed: 7);
        Assert.That(first.Exact, Is.False, "C(24, 12) = 2,704,156 splits");
        Assert.That(first.PGreater, Is.EqualTo(1 / 5001.0), "only the observed split is as extreme");
        Assert.That(PermutationTest.ProbabilityGreater(high, low, resamples: 5000, seed: 7), Is.EqualTo(first));
    }

    [Test]
    public void Welch_s_interval_for_a_difference_of_means()
    {
        // se = √(1/3 + 4/3), df = 2.941176, t(0.975, df) = 3.218759.
        var interval = MeanInterval.Contrast([[1, 2, 3], [3, 5, 7]], [1, -1], 0.95);
        Assert.That(interval.Point, Is.EqualTo(-3).Within(1e-12));
        Assert.That(interval.Lower, Is.EqualTo(-7.155399503182502).Within(1e-6));
        Assert.That(interval.Upper, Is.EqualTo(1.155399503182502).Within(1e-6));
    }

    [Test]
    public void The_difference_in_differences_gets_welch_satterthwaite_degrees_of_freedom()
    {
        // (A − B) − (C − D) with A = [1, 2, 4], B = [0, 1, 1, 2], C = [5, 6, 9], D = [1, 1.5, 2]: −3.8333, df 4.4993.
        var interval = MeanInterval.Contrast([[1, 2, 4], [0, 1, 1, 2], [5, 6, 9], [1, 1.5, 2]], [1, -1, -1, 1], 0.95);
        Assert.That(interval.Point, Is.EqualTo(-3.833333333333334).Within(1e-12));
        Assert.That(interval.Lower, Is.EqualTo(-8.014246796257911).Within(1e-6));
        Assert.That(interval.Upper, Is.EqualTo(0.3475801295912433).Within(1e-6));
    }

    [Test]
    public void The_one_sample_t_interval()
    {
        // mean 3, s/√n = √(2.5/5), t(0.975, 4) = 2.776445.
        var interval = MeanInterval.StudentT([1, 2, 3, 4, 5], 0.95);
        Assert.That(interval.Lower, Is.EqualTo(1.0367568385224448).Within(1e-9));
        Assert.That(interval.Upper, Is.EqualTo(4.963243161477555).Within(1e-9));
    }

    [Test]
    public void The_trend_test_permutes_within_seeds_and_matches_full_enumeration()
    {
        // Three seeds of three levels: 3!³ = 216 arrangements. Python (itertools.product of itertools.permutations, ranks
        // by hand) gives a mean within-seed ρ of 1/3, P(≥) = 60/216 and P(≤) = 183/216, two-sided 0.5555….
        TrendTest.Block Block(params double[] y) => new([1, 2, 3], y);
        var result = TrendTest.WithinBlocks([Block(0.3, 0.1, 0.5), Block(0.2, 0.4, 0.6), Block(0.9, 0.7, 0.8)]);
        Assert.That(result.Exact, Is.True);
        Assert.That(result.Splits, Is.EqualTo(216));
        Assert.That(result.Observed, Is.EqualTo(1 / 3.0).Within(1e-12));
        Assert.That(result.PGreater, Is.EqualTo(0.2777777777777778).Within(1e-12));
        Assert.That(result.PLess, Is.EqualTo(0.8472222222222222).Within(1e-12));
        Assert.That(result.PTwoSided, Is.EqualTo(0.5555555555555556).Within(1e-12));
    }

    [Test]
    public void The_fewest_seeds_a_trend_needs_follow_from_the_levels_per_seed()
    {
        Assert.That(TrendTest.MinimumBlocks(5, 0.025), Is.EqualTo(1), "2/5! = 0.0167 ≤ 0.025");
        Assert.That(TrendTest.MinimumBlocks(5, 0.01), Is.EqualTo(2), "2/5! = 0.0167 > 0.01; 2/5!² = 0.00014");
        Assert.That(TrendTest.MinimumBlocks(2, 0.05), Is.EqualTo(6), "2·(½)⁵ = 0.0625 > 0.05; 2·(½)⁶ = 0.031");
        Assert.That(TrendTest.MinimumBlocks(3, 0.05 / 8), Is.EqualTo(4), "2/6³ = 0.0093 > 0.00625; 2/6⁴ = 0.0015");
    }

    [Test]
    public void The_equivalence_interval_is_the_t_interval_at_one_minus_twice_alpha()
    {
        // Two one-sided tests at α = 0.05 each ⇔ the 90% t interval: mean 0.001875 ± t(0.95, 7)·s/√8, with
        // t(0.95, 7) = 1.894578605 (tables) and s = 0.013346347815039138 (Python's statistics.stdev).
        var interval = MeanInterval.StudentT([0.01, -0.02, 0.015, 0.0, -0.005, 0.02, -0.01, 0.005], 1 - 2 * 0.05);
        Assert.That(interval.Lower, Is.EqualTo(-0.007064846745222637).Within(1e-9));
        Assert.That(interval.Upper, Is.EqualTo(0.010814846745222637).Within(1e-9));
    }

    [Test]
    public void The_clopper_pearson_interval_inverts_the_binomial_tails()
    {
        // Python, by bisection on exact binomial tail sums (no SciPy): 7 of 10 at 95% is [0.34755, 0.93326];
        // 10 of 10 at 97.5% has the closed form lower = (0.0125)^(1/10) = 0.645195 and upper 1.
        var seven = ClopperPearson.Of(7, 10, 0.95);
        Assert.That(seven.Lower, Is.EqualTo(0.3475471499400027).Within(1e-9));
        Assert.That(seven.Upper, Is.EqualTo(0.9332604888222655).Within(1e-9));
        var unanimous = ClopperPearson.Of(10, 10, 0.975);
        Assert.That(unanimous.Lower, Is.EqualTo(0.645195012148216).Within(1e-9));
        Assert.That(unanimous.Upper, Is.EqualTo(1));
    }

    [TestCase(10, 0.975, 0.645195012148216)]
    [TestCase(5, 0.975, 0.4162766037009366)]
    [TestCase(10, 0.95, 0.6915028921812392)]
    [TestCase(5, 0.95, 0.47817624989501856)]
    public void Unanimous_pairs_have_the_closed_form_lower_bound(int pairs, double level, double lower)
    {
        // ((1 − level)/2)^(1/n), from Python's float power: the figures the class's summary quotes.
        Assert.That(ClopperPearson.Of(pairs, pairs, level).Lower, Is.EqualTo(lower).Within(1e-9));
        Assert.That(lower, Is.EqualTo(Math.Pow((1 - level) / 2, 1.0 / pairs)).Within(1e-12));
    }

    [Test]
    public void A_t_interval_over_one_value_is_unbounded_not_an_error()
    {
        var interval = MeanInterval.StudentT([0.42], 0.95);
        Assert.That(interval.Point, Is.EqualTo(0.42));
        Assert.That(interval.Lower, Is.EqualTo(double.NegativeInfinity));
        Assert.That(interval.Upper, Is.EqualTo(double.PositiveInfinity));
        Assert.That(interval.Level, Is.EqualTo(0.95));
        Assert.Throws<ArgumentException>(() => MeanInterval.StudentT([], 0.95));
    }

    [Test]
    public void A_contrast_with_a_group_of_one_value_keeps_its_point_and_is_unbounded()
    {
        var interval = MeanInterval.Contrast([[1, 2, 3], [5]], [1, -1], 0.95);
        Assert.That(interval.Point, Is.EqualTo(-3).Within(1e-12));
        Assert.That(interval.Lower, Is.EqualTo(double.NegativeInfinity));
        Assert.That(interval.Upper, Is.EqualTo(double.PositiveInfinity));
        Assert.Throws<ArgumentException>(() => MeanInterval.Contrast([[1, 2, 3], []], [1, -1], 0.95));
    }
}

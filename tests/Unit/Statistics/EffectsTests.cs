using Harness.Statistics;

namespace Harness.Tests.Unit.Statistics;

public sealed class EffectsTests
{
    [Test]
    public void Probability_greater_is_mann_whitney_u_over_n_m_with_ties_as_halves()
    {
        // Pairs: (2>1) (2=2) (2<3) (4>1) (4>2) (4>3) → 4 wins + 1 tie = 4.5 of 6.
        Assert.That(Effects.ProbabilityGreater([2, 4], [1, 2, 3]), Is.EqualTo(4.5 / 6));
    }

    [Test]
    public void Spearman_uses_average_ranks()
    {
        Assert.That(Effects.Ranks([10, 20, 20, 5]), Is.EqualTo(new[] { 2, 3.5, 3.5, 1 }));
        Assert.That(Effects.Spearman([1, 2, 3, 4], [1, 4, 9, 16]), Is.EqualTo(1).Within(1e-12), "monotone, not linear");
        Assert.That(Effects.Spearman([1, 2, 3, 4], [4, 3, 2, 1]), Is.EqualTo(-1).Within(1e-12));
    }

    [Test]
    public void Welch_test_matches_a_hand_computed_example()
    {
        // a: mean 2, var 1; b: mean 5, var 4; se = sqrt(1/3 + 4/3) = 1.29099; t = -2.32379; df = 2.94118 (Welch–Satterthwaite).
        var result = WelchTest.TwoSided([1, 2, 3], [3, 5, 7])!;
        Assert.That(result.T, Is.EqualTo(-2.32379).Within(1e-5));
        Assert.That(result.DegreesOfFreedom, Is.EqualTo(2.94118).Within(1e-5));
        // I_{df/(df+t²)}(df/2, ½) by a continued fraction in Python (no SciPy): 0.1044789.
        Assert.That(result.P, Is.EqualTo(0.10447888668472198).Within(1e-5));
    }

    [Test]
    public void Percentile_counts_ties_as_halves()
    {
        Assert.That(Describe.Percentile(3, [1, 2, 3, 4]), Is.EqualTo(62.5));
        Assert.That(Describe.InterquartileRange([1, 2, 3, 4, 5]), Is.EqualTo(2));
    }
}

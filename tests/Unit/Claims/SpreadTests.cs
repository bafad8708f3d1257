using Harness.Claims;
using Harness.History;
using Harness.Report;

namespace Harness.Tests.Unit.Claims;

/// <summary>
/// The spread comparison on tiny synthetic experiments whose spread across seeds is built in: dropout 0.2 (A) against 0 (B)
/// at 5 layers, ten seeds shared by both, so the within-seed test flips ten seed pairs: 1024 equally likely flips.
/// </summary>
internal sealed class SpreadTests
{
    private const int Seeds = 10;

    private static ClaimSet Settings(int resamples = 2000) => new(0.05, resamples, 7, [], [], [], "claims.json");

    /// <summary>"dropout makes the gap vary less across seeds" at 5 layers, n = 1000: dropout 0.2 (A) against 0 (B).</summary>
    internal static Claim SpreadClaim(ClaimedSide side = ClaimedSide.Less, NegligibleBand? band = null) =>
        new("spread", "dropout makes the gap vary less across seeds", "", "gap",
            [new ClaimPart("layers=5", ComparisonTest.Spread, side, false,
                A: SyntheticRuns.Filter(5, 0.2, 1000), B: SyntheticRuns.Filter(5, 0, 1000))],
            SyntheticRuns.Registered(ClaimVerdict.Supported), "", band);

    /// <summary>Ten seeds of each setting; the values are the gap, with A's and B's given per seed.</summary>
    private static List<RunResult> Runs(Func<int, double> a, Func<int, double> b) =>
        [.. Enumerable.Range(1, Seeds).SelectMany(s => new[]
        {
            SyntheticRuns.WithGap(5, 0.2, 1000, s, a(s)),
            SyntheticRuns.WithGap(5, 0, 1000, s, b(s)),
        })];

    [Test]
    public void A_built_in_smaller_spread_is_supported_with_an_exact_p_in_1024ths()
    {
        // A varies a tenth as much as B from seed to seed, and sits at another level: the level must not matter.
        var runs = Runs(s => 0.4 + 0.01 * SyntheticRuns.Jitter(s, 1), s => 0.6 + 0.1 * SyntheticRuns.Jitter(s, 2));

        var outcome = ClaimEvaluator.Evaluate(SpreadClaim(), Settings(), runs);

        var part = outcome.Parts[0];
        Assert.That(outcome.Verdict, Is.EqualTo(ClaimVerdict.Supported), outcome.Headline);
        Assert.That(part.Exact!.P * 1024, Is.EqualTo(Math.Round(part.Exact.P * 1024)).Within(1e-9), "a multiple of 1/1024");
        Assert.That(part.Exact.Description, Is.EqualTo("permutation of deviations from the median within 10 seeds"));
        Assert.That(part.Effect.Point, Is.LessThan(0.3), "spread ratio A/B");
        Assert.That(part.Effect.Upper, Is.LessThan(1), "the ratio's interval excludes 1");
        Assert.That(part.NullValue, Is.EqualTo(1));
    }

    [Test]
    public void A_larger_spread_refutes_a_claim_of_a_smaller_one()
    {
        var runs = Runs(s => 0.4 + 0.1 * SyntheticRuns.Jitter(s, 1), s => 0.6 + 0.01 * SyntheticRuns.Jitter(s, 2));
        Assert.That(ClaimEvaluator.Evaluate(SpreadClaim(), Settings(), runs).Verdict, Is.EqualTo(ClaimVerdict.Refuted));
    }

    [Test]
    public void The_same_spread_at_different_levels_is_not_supported()
    {
        var runs = Runs(s => 0.4 + 0.1 * SyntheticRuns.Jitter(s, 1), s => 0.9 + 0.1 * SyntheticRuns.Jitter(s, 2));

        var outcome = ClaimEvaluator.Evaluate(SpreadClaim(), Settings(), runs);

        Assert.That(outcome.Verdict, Is.EqualTo(ClaimVerdict.Inconclusive), outcome.Headline);
        Assert.That(outcome.Parts[0].Exact!.P, Is.GreaterThan(0.05));
        Assert.That(outcome.Parts[0].Effect.Lower, Is.LessThan(1), "the ratio's interval holds 1");
        Assert.That(outcome.Parts[0].Effect.Upper, Is.GreaterThan(1), "the ratio's interval holds 1");
    }

    /// <summary>
    /// By hand. A's gaps are 0.5 ± 0.02, five of each sign: median 0.5, every deviation 0.02. B's are 0.7 + (−3, −3, −3, −3,
    /// −1, +1, +3, +3, +3, +3)·0.01: median 0.7, deviations 0.03 except 0.01 at seeds 5 and 6. So within seeds A − B is −0.01
    /// at eight seeds and +0.01 at two, a sum of −0.06; of the 2¹⁰ sign flips, those with a sum at most −0.06 are those with at
    /// most two positive: 1 + 10 + 45 = 56. One-sided p = 56/1024, two-sided 112/1024 = 0.109. Spread A = 0.02, B = (8·0.03 +
    /// 2·0.01)/10 = 0.026: a ratio of 0.769.
    /// </summary>
    [Test]
    public void A_hand_computed_case()
    {
        double[] bOffsets = [-3, -3, -3, -3, -1, 1, 3, 3, 3, 3];
        var runs = Runs(s => 0.5 + (s % 2 == 0 ? 0.02 : -0.02), s => 0.7 + bOffsets[s - 1] * 0.01);

        var outcome = ClaimEvaluator.Evaluate(SpreadClaim(), Settings(), runs);

        var part = outcome.Parts[0];
        Assert.That(part.Exact!.P, Is.EqualTo(112.0 / 1024).Within(1e-12));
        Assert.That(part.Exact.Side, Is.EqualTo(ClaimedSide.Less));
        Assert.That(part.Effect.Point, Is.EqualTo(0.02 / 0.026).Within(1e-9));
        Assert.That(outcome.Verdict, Is.EqualTo(ClaimVerdict.Inconclusive));
    }

    /// <summary>Pooled over depths, each run's deviation is from its own depth's median: depths at different levels are not
    /// spread across seeds.</summary>
    [Test]
    public void Pooled_over_depths_each_run_is_measured_from_its_own_configurations_median()
    {
        var claim = SpreadClaim() with
        {
            Parts = [new ClaimPart("pooled", ComparisonTest.Spread, ClaimedSide.Less, false,
                A: SyntheticRuns.Filter(dropout: 0.2, nTrain: 1000), B: SyntheticRuns.Filter(dropout: 0, nTrain: 1000))],
        };
        // Depth moves A's level by a whole 0.1 per layer; within a depth A varies a tenth as much as B.
        var runs = new[] { 1, 5, 9 }.SelectMany(l => Enumerable.Range(1, Seeds).SelectMany(s => new[]
        {
            SyntheticRuns.WithGap(l, 0.2, 1000, s, 0.1 * l + 0.01 * SyntheticRuns.Jitter(s, l)),
            SyntheticRuns.WithGap(l, 0, 1000, s, 0.5 + 0.1 * SyntheticRuns.Jitter(s, 10 + l)),
        })).ToList();

        var outcome = ClaimEvaluator.Evaluate(claim, Settings(), runs);

        Assert.That(outcome.Verdict, Is.EqualTo(ClaimVerdict.Supported), outcome.Headline);
        Assert.That(outcome.Parts[0].Effect.Point, Is.LessThan(0.3));
        Assert.That(outcome.Parts[0].Exact!.P * 1024, Is.EqualTo(Math.Round(outcome.Parts[0].Exact!.P * 1024)).Within(1e-9));
    }

    [Test]
    public void A_difference_in_spread_inside_the_band_is_negligible()
    {
        // Spreads of about 0.05 and 0.0505: a band of 0.02 holds the difference whatever its sign.
        var runs = Runs(s => 0.4 + 0.2 * SyntheticRuns.Jitter(s, 1), s => 0.6 + 0.202 * SyntheticRuns.Jitter(s, 1));
        var outcome = ClaimEvaluator.Evaluate(SpreadClaim(band: SyntheticRuns.Band(0.02)), Settings(), runs);
        Assert.That(outcome.Verdict, Is.EqualTo(ClaimVerdict.Negligible), outcome.Headline);
        Assert.That(outcome.Headline, Does.Match(@"difference in spread -?0\.\d+ \[-?0\.\d+, -?0\.\d+\] at 90% " +
            @"\(TOST on a bootstrap over seeds\)"), "a difference of spreads, not of means");
    }

    [Test]
    public void Too_few_seeds_is_not_evaluated_and_says_what_it_needs()
    {
        var runs = Runs(s => 0.4, s => 0.6).Where(r => r.Config.Seed <= 3).ToList();
        var outcome = ClaimEvaluator.Evaluate(SpreadClaim(), Settings(), runs);
        Assert.That(outcome.Verdict, Is.EqualTo(ClaimVerdict.Inconclusive));
        Assert.That(outcome.Parts[0].TooFewSeeds, Is.True);
        Assert.That(outcome.Parts[0].SeedUnit, Is.EqualTo("seeds in both groups"));
        Assert.That(outcome.Parts[0].SeedsSuggested, Is.EqualTo(6), "2·(½)⁶ = 0.031 ≤ 0.05: six seed pairs can decide");
    }

    [Test]
    public void The_report_shows_the_ratio_and_the_test()
    {
        var runs = Runs(s => 0.4 + 0.01 * SyntheticRuns.Jitter(s, 1), s => 0.6 + 0.1 * SyntheticRuns.Jitter(s, 2));
        var outcome = ClaimEvaluator.Evaluate(SpreadClaim(), Settings(), runs);
        var text = ClaimEvidence.Render(outcome).Text;
        Assert.That(outcome.Parts[0].Statistic, Does.StartWith("spread(gap[dropout=0.2]) / spread(gap[dropout=0]) across seeds"));
        Assert.That(text, Does.Contain(@"spread(gap\[dropout=0.2\]) / spread(gap\[dropout=0\]) across seeds"));
        Assert.That(text, Does.Contain("permutation of deviations from the median within 10 seeds, p = 0.002 → Supported"));
    }
}

using Harness.Report;
using Harness.Claims;
using Harness.Settings;
using Harness.History;

namespace Harness.Tests.Unit.Claims;

/// <summary>
/// A part with one seed (<c>reproduce --seeds 1</c>) is not evaluated, and not measured, before its comparison runs:
/// every kind of comparison, pooled or not, says what it needs instead of throwing.
/// </summary>
internal sealed class TooFewSeedsTests
{
    private static ClaimSet Settings => new(0.05, 200, 7, [], [], [], "claims.json");

    /// <summary>Depths 1 and 3, with and without dropout, each for seeds 1..<paramref name="seeds"/>; the gap grows with depth.</summary>
    private static List<RunResult> Grid(int seeds) =>
        [.. from layers in new[] { 1, 3 } from dropout in new[] { 0, 0.2 } from seed in Enumerable.Range(1, seeds)
            select SyntheticRuns.WithGap(layers, dropout, 1000, seed, 0.1 * layers - dropout / 4 + 0.01 * SyntheticRuns.Noise(seed))];

    private static Claim Claim(ClaimPart part) =>
        new("c", "a claim", "", "gap", [part], SyntheticRuns.Registered(ClaimVerdict.Supported), "");

    public static IEnumerable<TestCaseData> Parts()
    {
        TestCaseData Case(string name, ClaimPart part) => new TestCaseData(part).SetArgDisplayNames(name);
        yield return Case("paired", new("", ComparisonTest.Probability, ClaimedSide.Less, true,
            A: SyntheticRuns.Filter(dropout: 0.2), B: SyntheticRuns.Filter(dropout: 0)));
        yield return Case("two groups", new("", ComparisonTest.Probability, ClaimedSide.Less, false,
            A: SyntheticRuns.Filter(1, 0.2), B: SyntheticRuns.Filter(1, 0)));
        yield return Case("trend", new("", ComparisonTest.Trend, ClaimedSide.Greater, false, Where: SyntheticRuns.Filter(dropout: 0),
            Axis: RunSettings.Layers));
        yield return Case("contrast", new("", ComparisonTest.Contrast, ClaimedSide.Less, false,
            A: SyntheticRuns.Filter(3, 0.2), B: SyntheticRuns.Filter(3, 0),
            C: SyntheticRuns.Filter(1, 0.2), D: SyntheticRuns.Filter(1, 0)));
        yield return Case("threshold", new("", ComparisonTest.Threshold, ClaimedSide.Greater, false, Where: SyntheticRuns.Filter(),
            Value: 0.05));
    }

    [TestCaseSource(nameof(Parts))]
    public void One_seed_is_not_evaluated_and_needs_what_the_comparison_itself_would_say(ClaimPart part)
    {
        var one = ClaimEvaluator.Evaluate(Claim(part), Settings, Grid(seeds: 1));
        // Two seeds are too few for each of these too, so the comparison itself runs and says what it needs.
        var two = ClaimEvaluator.Evaluate(Claim(part), Settings, Grid(seeds: 2));

        Assert.That(one.Evaluated, Is.False, one.Headline);
        Assert.That(one.Parts[0].Measured, Is.False);
        Assert.That(two.Parts[0].Measured, Is.True, "two seeds reach the comparison");
        Assert.That(two.Evaluated, Is.False, two.Headline);
        Assert.That(one.Needs, Is.EqualTo(two.Needs.Replace("(has 2)", "(has 1)")));
        Assert.That(one.Headline, Does.StartWith($"Not evaluated — a claim: {one.Parts[0].Statistic} not measured; 1 seed, α = 0.05")
            .And.EndWith($"Too few seeds for a verdict: {one.Needs}."));
        Assert.That(ClaimEvidence.Render(one).Text,
            Does.Contain($"not measured → not evaluated: {one.Needs}").And.Contain("| group | seeds | mean gap |"),
            "the one seed's values are still shown");
    }

    [Test]
    public void Pooling_depths_gives_more_runs_but_not_more_seeds()
    {
        var part = new ClaimPart("", ComparisonTest.Probability, ClaimedSide.Less, true,
            A: SyntheticRuns.Filter(dropout: 0.2), B: SyntheticRuns.Filter(dropout: 0));

        var outcome = ClaimEvaluator.Evaluate(Claim(part), Settings, Grid(seeds: 1));

        Assert.That(outcome.Parts[0].Groups.Select(g => g.Values.Count), Is.EqualTo(new[] { 2, 2 }), "two pairs, one per depth");
        Assert.That(outcome.Needs, Is.EqualTo("needs ≥ 6 seed pairs to reach α = 0.05 (has 1)"));
    }

    [Test]
    public void A_paired_part_whose_groups_share_no_seed_has_no_pairs()
    {
        var part = new ClaimPart("", ComparisonTest.Probability, ClaimedSide.Less, true,
            A: SyntheticRuns.Filter(1, 0.2), B: SyntheticRuns.Filter(1, 0));
        var runs = Grid(seeds: 4).Where(r => r.Config.Dropout == 0.2 ? r.Config.Seed <= 2 : r.Config.Seed > 2).ToList();

        var outcome = ClaimEvaluator.Evaluate(Claim(part), Settings, runs);

        Assert.That(outcome.Evaluated, Is.False);
        Assert.That(outcome.Needs, Is.EqualTo("needs ≥ 6 seed pairs to reach α = 0.05 (has 0)"));
    }

    [Test]
    public void Two_seeds_reach_the_comparison()
    {
        var trend = new ClaimPart("", ComparisonTest.Trend, ClaimedSide.Greater, false, Where: SyntheticRuns.Filter(dropout: 0),
            Axis: RunSettings.Layers);

        var outcome = ClaimEvaluator.Evaluate(Claim(trend), Settings, Grid(seeds: 2));

        Assert.That(outcome.Parts[0].Measured, Is.True);
        Assert.That(outcome.Headline, Does.Contain("ρ(layers, gap) within seeds = 1.00"));
    }
}

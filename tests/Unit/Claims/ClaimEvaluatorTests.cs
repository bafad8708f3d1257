using Harness.Report;
using Harness.Claims;
using Harness.Settings;
using Harness.History;

namespace Harness.Tests.Unit.Claims;

internal sealed class ClaimEvaluatorTests
{
    private static readonly int[] Depths = [1, 3, 5, 7, 9];

    private static ClaimSet Settings(ulong seed = 7, int resamples = 2000) => new(0.05, resamples, seed, [], [], [], "claims.json");

    private static Claim Trend(params ClaimPart[] parts) =>
        new("trend", "gap rises with depth", "", "gap", parts, SyntheticRuns.Registered(ClaimVerdict.Supported), "");

    private static ClaimPart DepthTrend(string name = "") =>
        new(name, ComparisonTest.Trend, ClaimedSide.Greater, false, Where: SyntheticRuns.Filter(nTrain: 1000), Axis: RunSettings.Layers);

    private static List<RunResult> Grid(Func<int, int, double> gap, int seeds = 10) =>
        Depths.SelectMany(l => Enumerable.Range(1, seeds).Select(s => SyntheticRuns.WithGap(l, 0, 1000, s, gap(l, s)))).ToList();

    [Test]
    public void A_clear_rising_trend_is_supported_and_reads_as_a_conclusion()
    {
        var outcome = ClaimEvaluator.Evaluate(Trend(DepthTrend()), Settings(), Grid((l, s) => 0.1 * l + 0.02 * SyntheticRuns.Noise(s)));

        Assert.That(outcome.Verdict, Is.EqualTo(ClaimVerdict.Supported));
        // Every seed perfectly ordered: ρ = 1 within each, with no spread to make an interval of; the test decides.
        Assert.That(outcome.Headline,
            Does.StartWith("Supported — gap rises with depth: ρ(layers, gap) within seeds = 1.00 (no interval: the data show no spread), " +
            "permutation within 10 seeds, p = 3.2e-21; 10 seeds, α = 0.05, 95% interval."));
        Assert.That(ClaimEvidence.Render(outcome).Text, Does.Contain("| layers=9 | 10 |"));
    }

    [Test]
    public void A_falling_trend_refutes_a_rising_claim()
    {
        var outcome = ClaimEvaluator.Evaluate(Trend(DepthTrend()), Settings(), Grid((l, s) => 1 - 0.1 * l + 0.02 * SyntheticRuns.Noise(s)));
        Assert.That(outcome.Verdict, Is.EqualTo(ClaimVerdict.Refuted));
    }

    [Test]
    public void No_trend_is_inconclusive_and_says_so()
    {
        // Jitter, not Noise: Noise rises with its salt, which is a trend in depth.
        var outcome = ClaimEvaluator.Evaluate(Trend(DepthTrend()), Settings(), Grid((l, s) => SyntheticRuns.Jitter(s, l)));
        Assert.That(outcome.Verdict, Is.EqualTo(ClaimVerdict.Inconclusive));
        Assert.That(outcome.Headline, Does.Contain("A rough power estimate: about").And.Contain("seeds per group might decide it"));
    }

    [Test]
    public void A_weak_trend_is_inconclusive_with_a_seed_estimate()
    {
        var outcome =
            ClaimEvaluator.Evaluate(Trend(DepthTrend()), Settings(),
                Grid((l, s) => 0.005 * l + 0.2 * SyntheticRuns.Jitter(s, l), seeds: 6));
        Assert.That(outcome.Verdict, Is.EqualTo(ClaimVerdict.Inconclusive), outcome.Headline);
        Assert.That(outcome.Parts[0].SeedsSuggested, Is.GreaterThan(6));
        Assert.That(outcome.Headline, Does.Contain($"about {outcome.Parts[0].SeedsSuggested} seeds per group might decide it"));
    }

    [Test]
    public void Paired_probability_compares_seed_matched_runs()
    {
        // Dropout lowers the gap of every seed by a little; across seeds the spread is much larger than the effect.
        var runs = Enumerable.Range(1, 10).SelectMany(s => new[]
        {
            SyntheticRuns.WithGap(5, 0, 1000, s, 0.5 + SyntheticRuns.Noise(s)),
            SyntheticRuns.WithGap(5, 0.2, 1000, s, 0.5 + SyntheticRuns.Noise(s) - 0.01),
        }).ToList();
        ClaimPart Part(bool paired) => new("", ComparisonTest.Probability, ClaimedSide.Less, paired,
            A: SyntheticRuns.Filter(5, 0.2, 1000), B: SyntheticRuns.Filter(5, 0, 1000));
        Claim Claim(bool paired) =>
            new("dropout", "dropout lowers the gap", "", "gap", [Part(paired)], SyntheticRuns.Registered(ClaimVerdict.Supported), "");

        var paired = ClaimEvaluator.Evaluate(Claim(paired: true), Settings(), runs);
        var unpaired = ClaimEvaluator.Evaluate(Claim(paired: false), Settings(), runs);

        Assert.That(paired.Verdict, Is.EqualTo(ClaimVerdict.Supported), paired.Headline);
        Assert.That(paired.Parts[0].Effect.Point, Is.Zero, "every pair has A < B");
        Assert.That(paired.Headline, Does.Contain("P(gap[dropout=0.2] > gap[dropout=0]), paired by seed = 0.00"));
        Assert.That(unpaired.Verdict, Is.EqualTo(ClaimVerdict.Supported),
            "unpaired on shared seeds still permutes within each seed (the runs of a seed are not independent), so the spread " +
            "between seeds does not hide the effect");
        Assert.That(unpaired.Parts[0].Test, Does.StartWith("permutation within 10 seeds"));

        // The same values on disjoint seeds: independent runs, permuted across seeds, and the spread hides the effect.
        var disjoint = runs.Select(r => r.Config.Dropout > 0 ? r with { Config = r.Config with { Seed = r.Config.Seed + 10 } } : r)
            .ToList();
        var across = ClaimEvaluator.Evaluate(Claim(paired: false), Settings(), disjoint);
        Assert.That(across.Verdict, Is.EqualTo(ClaimVerdict.Inconclusive), across.Headline);
        Assert.That(across.Parts[0].Test, Does.StartWith("permutation across 20 independent seeds"));
    }

    [Test]
    public void Runs_pair_up_only_when_they_agree_on_every_layer_value_too()
    {
        // A convnet grid: conv2d_1.filters 4 or 8 (a large effect on the gap) × dropout_1.rate 0 or 0.5 (a small one). The claim
        // compares the rates without fixing the filters, so each seed has two pairs, 4 with 4 and 8 with 8, never 4 with 8.
        var model = new Harness.Settings.Layers.ModelSpec([
            new Harness.Settings.Layers.Conv2D("conv2d_1", 4, (3, 3), (1, 1), "valid", "relu"),
            new Harness.Settings.Layers.Dropout("dropout_1", 0), new Harness.Settings.Layers.Flatten("flatten_1"),
            new Harness.Settings.Layers.Dense("dense_1", 10, "softmax"),
        ]);
        var filters = RunSettings.Find("conv2d_1.filters")!;
        var rate = RunSettings.Find("dropout_1.rate")!;
        RunResult Run(int f, double r, int seed)
        {
            var run = SyntheticRuns.WithGap(1, 0, 1000, seed, 0.1 * f - 0.01 * r / 0.5 + 0.001 * SyntheticRuns.Noise(seed));
            var config = rate.Set(filters.Set(run.Config with { Model = model }, f), r);
            return run with { Config = config };
        }
        var runs = (from seed in Enumerable.Range(1, 8) from f in new[] { 4, 8 } from r in new[] { 0.0, 0.5 } select Run(f, r, seed))
            .ToList();
        var part = new ClaimPart("", ComparisonTest.Probability, ClaimedSide.Less, true,
            A: new RunFilter([(rate, 0.5)]), B: new RunFilter([(rate, 0.0)]));
        var claim = new Claim("rate", "dropout lowers the gap", "", "gap", [part], SyntheticRuns.Registered(ClaimVerdict.Supported), "");

        var outcome = ClaimEvaluator.Evaluate(claim, Settings(), runs);

        Assert.That(outcome.Parts[0].Groups.Select(g => g.Values.Count), Is.All.EqualTo(16),
            "8 seeds × 2 pairs; pairing 4 with 8 filters too would give 32");
        Assert.That(outcome.Parts[0].Groups[0].Values.Zip(outcome.Parts[0].Groups[1].Values).All(p => p.First < p.Second), Is.True,
            "every pair has A < B");
        Assert.That(outcome.Verdict, Is.EqualTo(ClaimVerdict.Supported), outcome.Headline);
    }

    [Test]
    public void A_contrast_decides_whether_an_effect_shrinks()
    {
        var runs = new List<RunResult>();
        // Six seeds at both sizes: the within-seed effects pair up by seed, and six pairs can reach 2/2⁶ = 0.031 < 0.05.
        foreach (var (n, slope) in new[] { (1000, 0.05), (6000, 0.01) })
            foreach (var l in new[] { 1, 9 })
                runs.AddRange(Enumerable.Range(1, 6)
                    .Select(s => SyntheticRuns.WithGap(l, 0, n, s, slope * l + 0.01 * SyntheticRuns.Noise(s, l))));
        var part = new ClaimPart("", ComparisonTest.Contrast, ClaimedSide.Less, false,
            A: SyntheticRuns.Filter(9, 0, 6000), B: SyntheticRuns.Filter(1, 0, 6000), C: SyntheticRuns.Filter(9, 0, 1000),
            D: SyntheticRuns.Filter(1, 0, 1000));

        var outcome =
            ClaimEvaluator.Evaluate(
                new Claim("c", "depth matters less with more data", "", "gap", [part],
                    SyntheticRuns.Registered(ClaimVerdict.Supported), ""), Settings(), runs);

        Assert.That(outcome.Verdict, Is.EqualTo(ClaimVerdict.Supported), outcome.Headline);
        // The noise of a seed at a depth is the same at both sizes, so it cancels from the contrast: exactly 0.08 − 0.40.
        Assert.That(outcome.Parts[0].Effect.Point, Is.EqualTo(8 * 0.01 - 8 * 0.05).Within(1e-12));
        Assert.That(outcome.Parts[0].Test, Is.EqualTo("permutation of within-seed effects within 6 seeds, p = 0.0313"),
            "every seed's effect shrinks: the most extreme of 2⁶ sign flips, on both sides");
    }

    [Test]
    public void The_bootstrap_is_reproducible_and_follows_its_seed()
    {
        var runs = Grid((l, s) => 0.01 * l + 0.3 * SyntheticRuns.Jitter(s, l));
        var claim =
            new Claim("deeper", "deeper nets overfit more", "", "gap",
                [new ClaimPart("", ComparisonTest.Probability, ClaimedSide.Greater, false,
            A: SyntheticRuns.Filter(9, 0, 1000), B: SyntheticRuns.Filter(1, 0, 1000))],
                SyntheticRuns.Registered(ClaimVerdict.Supported), "");

        var first = ClaimEvaluator.Evaluate(claim, Settings(seed: 7), runs).Parts[0].Effect;
        var again = ClaimEvaluator.Evaluate(claim, Settings(seed: 7), runs).Parts[0].Effect;
        var other = ClaimEvaluator.Evaluate(claim, Settings(seed: 8), runs).Parts[0].Effect;

        Assert.That(again, Is.EqualTo(first));
        Assert.That((other.Lower, other.Upper), Is.Not.EqualTo((first.Lower, first.Upper)));
        Assert.That(other.Point, Is.EqualTo(first.Point), "the estimate itself does not depend on resampling");
    }

    [Test]
    public void The_correction_widens_intervals_with_the_number_of_parts_and_can_change_the_verdict()
    {
        // A trend that is clear at 95% but not at 1 − 0.05/5 = 99%: p = 0.023 permuted within 6 seeds.
        var runs = Grid((l, s) => 0.01 * l + 0.21 * SyntheticRuns.Jitter(s, l), seeds: 6);
        var one = ClaimEvaluator.Evaluate(Trend(DepthTrend("a")), Settings(), runs);
        var five =
            ClaimEvaluator.Evaluate(Trend(DepthTrend("a"), DepthTrend("b"), DepthTrend("c"), DepthTrend("d"), DepthTrend("e")), Settings(),
                runs);

        Assert.That(one.Parts[0].Effect.Level, Is.EqualTo(0.95));
        Assert.That(five.Parts[0].Effect.Level, Is.EqualTo(0.99).Within(1e-12));
        Assert.That(five.Parts[0].Effect.Lower, Is.LessThan(one.Parts[0].Effect.Lower));
        Assert.That(one.Verdict, Is.EqualTo(ClaimVerdict.Supported), one.Headline);
        Assert.That(five.Verdict, Is.EqualTo(ClaimVerdict.Inconclusive), five.Headline);
        Assert.That(five.Headline, Does.Contain("99% intervals (Bonferroni over 5 parts)"));
    }

    [Test]
    public void One_refuted_part_refutes_the_claim_and_all_parts_must_hold_for_support()
    {
        var rising = Grid((l, s) => 0.1 * l + 0.02 * SyntheticRuns.Noise(s));
        var falling =
            Depths.SelectMany(l => Enumerable.Range(1, 10).Select(s => SyntheticRuns.WithGap(l, 0.2, 1000, s, 1 - 0.1 * l))).ToList();
        var claim = Trend(
            new ClaimPart("without dropout", ComparisonTest.Trend, ClaimedSide.Greater, false,
                Where: SyntheticRuns.Filter(dropout: 0), Axis: RunSettings.Layers),
            new ClaimPart("with dropout", ComparisonTest.Trend, ClaimedSide.Greater, false,
                Where: SyntheticRuns.Filter(dropout: 0.2), Axis: RunSettings.Layers));

        var outcome = ClaimEvaluator.Evaluate(claim, Settings(), rising.Concat(falling).ToList());

        Assert.That(outcome.Parts.Select(p => p.Verdict), Is.EqualTo(new[] { ClaimVerdict.Supported, ClaimVerdict.Refuted }));
        Assert.That(outcome.Verdict, Is.EqualTo(ClaimVerdict.Refuted));
    }

    [Test]
    public void Too_few_seeds_are_inconclusive_however_clean_the_interval_looks()
    {
        // Two seeds at two depths, perfectly ordered: the bootstrap interval collapses onto the estimate, which proves nothing.
        // Permuted within seeds, the best any data can do is p = 2·(½)² = 0.5; reaching 0.05 takes 2·(½)⁶ = 0.031, six seeds.
        var runs =
            new[] { 1, 9 }.SelectMany(l => Enumerable.Range(1, 2).Select(s => SyntheticRuns.WithGap(l, 0, 1000, s, 0.1 * l + 0.01 * s)))
                .ToList();
        var outcome = ClaimEvaluator.Evaluate(Trend(DepthTrend()), Settings(), runs);

        Assert.That(outcome.Parts[0].Effect.Lower, Is.GreaterThan(0), "the interval alone would say Supported");
        Assert.That(outcome.Evaluated, Is.False);
        Assert.That(outcome.Headline, Does.EndWith("Too few seeds for a verdict: needs ≥ 6 seeds to reach α = 0.05 (has 2)."));
    }

    [Test]
    public void Pooling_many_runs_from_few_seeds_is_still_too_few()
    {
        // Five depths × two seeds: ten pairs per group, but only two independent seeds.
        var runs = Depths.SelectMany(l => Enumerable.Range(1, 2).SelectMany(s => new[]
        {
            SyntheticRuns.WithGap(l, 0, 1000, s, 0.5), SyntheticRuns.WithGap(l, 0.2, 1000, s, 0.4),
        })).ToList();
        var part =
            new ClaimPart("pooled", ComparisonTest.Probability, ClaimedSide.Less, true, A: SyntheticRuns.Filter(dropout: 0.2),
                B: SyntheticRuns.Filter(dropout: 0));
        var outcome =
            ClaimEvaluator.Evaluate(
                new Claim("d", "dropout lowers the gap", "", "gap", [part], SyntheticRuns.Registered(ClaimVerdict.Supported), ""),
                    Settings(), runs);

        Assert.That(outcome.Parts[0].Groups[0].Values, Has.Count.EqualTo(10));
        Assert.That(outcome.Verdict, Is.EqualTo(ClaimVerdict.Inconclusive));
        Assert.That(outcome.Parts[0].TooFewSeeds, Is.True);
    }

    [Test]
    public void A_group_that_matches_no_runs_is_a_clear_error()
    {
        var claim =
            Trend(new ClaimPart("p", ComparisonTest.Trend, ClaimedSide.Greater, false,
                Where: SyntheticRuns.Filter(nTrain: 42), Axis: RunSettings.Layers));
        var error = Assert.Throws<InvalidOperationException>(() => ClaimEvaluator.Evaluate(claim, Settings(), Grid((l, s) => l)));
        Assert.That(error.Message, Does.Contain("part 'p'").And.Contain("n=42").And.Contain("matches 0 runs"));
    }

    private static Claim DropoutLowersGap(int parts) => new("dropout", "dropout lowers the gap", "", "gap",
        [.. Enumerable.Range(0, parts).Select(i => new ClaimPart($"part {i}", ComparisonTest.Probability, ClaimedSide.Less, true,
            A: SyntheticRuns.Filter(dropout: 0.2), B: SyntheticRuns.Filter(dropout: 0)))],
                SyntheticRuns.Registered(ClaimVerdict.Supported), "");

    private static List<RunResult> Pairs(int seeds) =>
        [.. Enumerable.Range(1, seeds)
            .SelectMany(s => new[] { SyntheticRuns.WithGap(1, 0, 1000, s, 0.5), SyntheticRuns.WithGap(1, 0.2, 1000, s, 0.4) })];

    [Test]
    public void Five_unanimous_pairs_are_not_evaluated_the_sign_test_needs_six_at_alpha_0_05()
    {
        var five = ClaimEvaluator.Evaluate(DropoutLowersGap(1), Settings(), Pairs(5));
        Assert.That(five.Evaluated, Is.False, five.Headline);
        Assert.That(five.SeedsNeeded, Is.EqualTo(6), "2·(½)⁵ = 0.0625 > 0.05; 2·(½)⁶ = 0.031");
        Assert.That(five.Headline, Does.StartWith("Not evaluated").And.Contain("p = 0.0625"));
        Assert.That(five.Parts[0].Effect.Upper, Is.GreaterThan(0), "never [0, 0] for five pairs");

        var six = ClaimEvaluator.Evaluate(DropoutLowersGap(1), Settings(), Pairs(6));
        Assert.That((six.Evaluated, six.Verdict), Is.EqualTo((true, ClaimVerdict.Supported)), six.Headline);
    }

    [Test]
    public void With_six_parts_the_derived_minimum_is_eight_seed_pairs()
    {
        Assert.That(ClaimEvaluator.Evaluate(DropoutLowersGap(6), Settings(), Pairs(7)).SeedsNeeded,
            Is.EqualTo(8), "2·(½)⁷ = 0.0156 > 0.05/6");
        Assert.That(ClaimEvaluator.Evaluate(DropoutLowersGap(6), Settings(), Pairs(8)).Verdict, Is.EqualTo(ClaimVerdict.Supported));
    }

    private static List<RunResult> PairsDiffering(int seeds, Func<int, double> difference) =>
        [.. Enumerable.Range(1, seeds).SelectMany(s => new[]
        {
            SyntheticRuns.WithGap(1, 0, 1000, s, 0.5 + 0.2 * SyntheticRuns.Jitter(s, 0)),
            SyntheticRuns.WithGap(1, 0.2, 1000, s, 0.5 + 0.2 * SyntheticRuns.Jitter(s, 0) + difference(s)),
        })];

    [Test]
    public void An_effect_wholly_inside_the_declared_band_is_negligible_whatever_its_sign()
    {
        // Differences of ±0.01 around zero over 20 seeds: the sign test cannot decide, but the 1 − 2α mean difference
        // lies well inside ±0.05, so the claim ends as a conclusion: no effect that matters.
        var runs = PairsDiffering(20, s => 0.01 * SyntheticRuns.Jitter(s, 1));
        var claim = DropoutLowersGap(1) with { Negligible = SyntheticRuns.Band(0.05) };
        var outcome = ClaimEvaluator.Evaluate(claim, Settings(), runs);

        Assert.That(outcome.Verdict, Is.EqualTo(ClaimVerdict.Negligible), outcome.Headline);
        var difference = outcome.Parts[0].Difference!;
        Assert.That(difference.Level, Is.EqualTo(0.9).Within(1e-12), "TOST at α = 0.05: the 90% interval");
        Assert.That(difference.Lower, Is.GreaterThan(-0.05));
        Assert.That(difference.Upper, Is.LessThan(0.05));
        Assert.That(outcome.Headline,
            Does.StartWith("Negligible — dropout lowers the gap").And.Contain("negligible below ±0.05").And.Contain("mean difference"));

        var narrow = ClaimEvaluator.Evaluate(claim with { Negligible = SyntheticRuns.Band(0.001) }, Settings(), runs);
        Assert.That(narrow.Verdict, Is.EqualTo(ClaimVerdict.Inconclusive),
            "a band narrower than the interval decides nothing: " + narrow.Headline);
        Assert.That(ClaimEvaluator.Evaluate(DropoutLowersGap(1), Settings(), runs).Verdict,
            Is.EqualTo(ClaimVerdict.Inconclusive), "no band declared");
    }

    [Test]
    public void A_post_hoc_band_s_negligible_is_exploratory_until_the_seeds_after_it_confirm_it()
    {
        var runs = PairsDiffering(20, s => 0.01 * SyntheticRuns.Jitter(s, 1));

        // Declared after all 20 seeds had been seen: no seed can confirm it.
        var seen = ClaimEvaluator.Evaluate(DropoutLowersGap(1) with { Negligible = SyntheticRuns.PostHocBand(0.05, 20) }, Settings(), runs);
        Assert.That(seen.Verdict, Is.EqualTo(ClaimVerdict.Negligible), seen.Headline);
        Assert.That(seen.Parts[0].Exploratory, Is.True);
        Assert.That(seen.Decided, Is.False, "an exploratory Negligible does not end a sequential run");
        Assert.That(seen.Headline, Does.Contain("a post hoc band").And.Contain("Negligible only exploratory"));

        // Declared after seeds 1–10: seeds 11–20 on their own put the difference inside the band too.
        var confirmed =
            ClaimEvaluator.Evaluate(DropoutLowersGap(1) with { Negligible = SyntheticRuns.PostHocBand(0.05, 10) }, Settings(), runs);
        Assert.That((confirmed.Verdict, confirmed.Parts[0].Exploratory, confirmed.Decided),
            Is.EqualTo((ClaimVerdict.Negligible, false, true)), confirmed.Headline);

        // Three new seeds, too few and too spread to pin the difference inside the band on their own (a 90% t interval on
        // 2 degrees of freedom is ±0.16 wide here): the verdict on all 23 stands, but only as a lead.
        var wide = PairsDiffering(23, s => s <= 20 ? 0.001 * SyntheticRuns.Jitter(s, 1) : s switch { 21 => 0.08, 22 => -0.08, _ => 0.05 });
        var unconfirmed = ClaimEvaluator.Evaluate(DropoutLowersGap(1) with { Negligible = SyntheticRuns.PostHocBand(0.1, 20) }, Settings(),
            wide);
        // New seeds that ran only without dropout pair with nothing: they cannot confirm, and must not break the evaluation.
        var unpaired = runs.Where(r => r.Config.Seed <= 10 || r.Config.Dropout == 0).ToList();
        var lonely = ClaimEvaluator.Evaluate(DropoutLowersGap(1) with { Negligible = SyntheticRuns.PostHocBand(0.05, 10) }, Settings(),
            unpaired);
        Assert.That((lonely.Verdict, lonely.Parts[0].Exploratory), Is.EqualTo((ClaimVerdict.Negligible, true)), lonely.Headline);

        if (unconfirmed.Verdict == ClaimVerdict.Negligible)
            Assert.That(unconfirmed.Parts[0].Exploratory, Is.True, unconfirmed.Headline);
        else Assert.Fail($"the fixture must give Negligible on all 23 seeds: {unconfirmed.Headline}");
    }

    [Test]
    public void A_real_but_small_effect_is_negligible_and_a_large_one_is_supported()
    {
        // Every pair lower by 0.01: the sign test alone says Supported, but 0.01 is inside a band of ±0.05.
        var small =
            ClaimEvaluator.Evaluate(DropoutLowersGap(1) with { Negligible = SyntheticRuns.Band(0.05) }, Settings(),
                PairsDiffering(10, s => -0.01 - 0.001 * SyntheticRuns.Jitter(s, 2)));
        Assert.That(small.Verdict, Is.EqualTo(ClaimVerdict.Negligible), small.Headline);

        var large =
            ClaimEvaluator.Evaluate(DropoutLowersGap(1) with { Negligible = SyntheticRuns.Band(0.05) }, Settings(),
                PairsDiffering(10, s => -0.1 - 0.01 * SyntheticRuns.Jitter(s, 2)));
        Assert.That(large.Verdict, Is.EqualTo(ClaimVerdict.Supported), large.Headline);
    }

    [TestCase(new[] { ClaimVerdict.Supported, ClaimVerdict.Supported }, ClaimVerdict.Supported)]
    [TestCase(new[] { ClaimVerdict.Supported, ClaimVerdict.Negligible }, ClaimVerdict.Negligible)]
    [TestCase(new[] { ClaimVerdict.Negligible, ClaimVerdict.Inconclusive }, ClaimVerdict.Inconclusive)]
    [TestCase(new[] { ClaimVerdict.Negligible, ClaimVerdict.Inconclusive, ClaimVerdict.Refuted }, ClaimVerdict.Refuted)]
    public void A_claim_holds_only_if_every_part_carries_a_meaningful_effect(ClaimVerdict[] parts, ClaimVerdict claim) =>
        Assert.That(ClaimEvaluator.Combine(parts), Is.EqualTo(claim));
}

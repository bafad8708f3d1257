using Harness.Claims;
using Harness.Claims.Sequential;
using Harness.History;
using Harness.Statistics;

namespace Harness.Tests.Unit.Claims;

/// <summary>
/// The sequential procedure's error rates, measured rather than argued: the whole <see cref="SequentialProcedure"/> (looks at 10, 20, 30
/// and 40 seeds, each at its share of α by the union bound, or at exact boundaries for the sign test) runs on thousands of simulated worlds
/// whose truth is known. The claim is "dropout lowers the gap", decided by the exact sign test over seed-matched pairs (dropout 0.2 against
/// 0 at 5 layers); per seed the difference A − B is normal with a stated mean and σ = <see cref="Sigma"/>. A rate passes when the one-sided
/// 99% Clopper–Pearson lower bound of its observed share is ≤ α: a procedure exactly at α would fail on at most 1% of draws of worlds (and
/// the worlds are fixed by their seed, so the answer never changes between runs), while a rule whose true rate is clearly above α fails
/// (<see cref="The_check_rejects_a_rule_that_spends_all_of_alpha_at_every_look"/>).
/// <para>
/// For the sign test alone the rates are known exactly (by dynamic programming over the count of positive differences,
/// computed apart from this code in Python): with no effect, false verdicts 0.0190 under bonferroni and pocock — whose
/// rejection regions coincide at 10, 20, 30 and 40 pairs, the test being discrete — 0.0258 under obrien-fleming and 0.0914
/// for the broken rule; at 0.8σ, power 0.895, 0.895 and 0.943. The simulated rates printed here should agree within their
/// binomial error; they are well under α because the sign test's p-values are discrete.
/// </para>
/// <para>
/// Exact group-sequential boundaries spend what the discrete test left unused at one look at the next, over the looks'
/// joint null (the same Python DP, apart from <see cref="SequentialSignBoundary"/>): thresholds of 10, 16, 22 and 27 of
/// 10, 20, 30 and 40 pairs under bonferroni and pocock (the union bound's: 10, 16, 23, 29), so false verdicts 0.0495 and
/// power 0.971 under both; under obrien-fleming 0.0439 and 0.971; and 0.198 for the broken rule with exact boundaries.
/// </para>
/// </summary>
internal sealed class SequentialCalibrationTests
{
    private const double Alpha = 0.05;
    private const double Sigma = 0.05;
    private const int InitialSeeds = 10;
    private const int NullWorlds = 2000;
    private const int EdgeWorlds = 1500;
    private const int EffectWorlds = 500;

    /// <summary>The standardized effect of the power worlds: dropout lowers each seed's gap by 0.8σ on average (Cohen's "large").</summary>
    private const double Effect = 0.8;

    /// <summary>The power each rule must exceed at <see cref="Effect"/>: a procedure that never decides has none.</summary>
    private const double PowerFloor = 0.8;

    private static readonly SequentialPlan Plan = new(40, 10);

    private const SequentialBoundaries Union = SequentialBoundaries.Union;
    private const SequentialBoundaries Exact = SequentialBoundaries.Exact;

    public static IEnumerable<TestCaseData> Rules() =>
        AlphaSpending.All.Select(rule => new TestCaseData(rule).SetArgDisplayNames(rule.Name));

    [TestCaseSource(nameof(Rules))]
    public void With_no_effect_a_false_verdict_is_at_most_alpha(AlphaSpending rule)
    {
        var rate = Rate(rule, Union, NullWorlds, "null", shift: 0, negligible: null, AnyVerdict);
        TestContext.Out.WriteLine($"{rule.Name}: false verdicts in {rate}");
        Assert.That(rate.Lower, Is.LessThanOrEqualTo(Alpha), $"{rule.Name}: {rate}");
    }

    [TestCaseSource(nameof(Rules))]
    public void With_exact_boundaries_and_no_effect_a_false_verdict_is_at_most_alpha(AlphaSpending rule)
    {
        var exact = Rate(rule, Exact, NullWorlds, "null", shift: 0, negligible: null, AnyVerdict);
        var union = Rate(rule, Union, NullWorlds, "null", shift: 0, negligible: null, AnyVerdict);
        TestContext.Out.WriteLine($"{rule.Name}: false verdicts, exact boundaries, in {exact}; union bound, in {union}");
        Assert.That(exact.Lower, Is.LessThanOrEqualTo(Alpha), $"{rule.Name}: {exact}");
    }

    /// <summary>
    /// On the same worlds (the same stream), exact boundaries decide at least every world the union bound does, and for the
    /// rules whose union-bound levels leave α unused at later looks (pocock and bonferroni here) strictly more.
    /// </summary>
    [TestCaseSource(nameof(Rules))]
    public void Exact_boundaries_are_at_least_as_powerful_as_the_union_bound(AlphaSpending rule)
    {
        var exact = Rate(rule, Exact, EffectWorlds, "effect", shift: -Effect * Sigma, negligible: null, Supported);
        var union = Rate(rule, Union, EffectWorlds, "effect", shift: -Effect * Sigma, negligible: null, Supported);
        TestContext.Out.WriteLine($"{rule.Name}: power at {Effect}σ, exact boundaries, in {exact}; union bound, in {union}");
        Assert.That(exact.Events, Is.GreaterThanOrEqualTo(union.Events), $"{rule.Name}: exact {exact}, union {union}");
        if (rule == AlphaSpending.Pocock) Assert.That(exact.Events, Is.GreaterThan(union.Events), $"exact {exact}, union {union}");
    }

    /// <summary>The check catches a broken exact rule too: exact boundaries spend every bit they are allowed, so a rule that
    /// allows α at every look (4α in all) is caught at its full rate (0.198 by the DP).</summary>
    [Test]
    public void The_check_rejects_exact_boundaries_under_a_rule_that_spends_all_of_alpha_at_every_look()
    {
        var rate = Rate(new AllOfAlphaAtEveryLook(), Exact, NullWorlds, "null", shift: 0, negligible: null, AnyVerdict);
        TestContext.Out.WriteLine($"all of α at every look, exact boundaries: false verdicts in {rate}");
        Assert.That(rate.Lower, Is.GreaterThan(Alpha), rate.ToString());
    }

    /// <summary>The calibration check can fail: a rule that spends all of α at every look has a false rate well above α.</summary>
    [Test]
    public void The_check_rejects_a_rule_that_spends_all_of_alpha_at_every_look()
    {
        var rate = Rate(new AllOfAlphaAtEveryLook(), Union, NullWorlds, "null", shift: 0, negligible: null, AnyVerdict);
        TestContext.Out.WriteLine($"all of α at every look: false verdicts in {rate}");
        Assert.That(rate.Lower, Is.GreaterThan(Alpha), rate.ToString());
    }

    [TestCaseSource(nameof(Rules))]
    public void A_large_true_effect_is_supported_in_most_worlds(AlphaSpending rule)
    {
        var rate = Rate(rule, Union, EffectWorlds, "effect", shift: -Effect * Sigma, negligible: null, v => v == ClaimVerdict.Supported);
        TestContext.Out.WriteLine($"{rule.Name}: power at {Effect}σ in {rate}");
        Assert.That(rate.Share, Is.GreaterThan(PowerFloor), $"{rule.Name}: {rate}");
    }

    /// <summary>
    /// The band is ½σ and the true mean difference sits on its edge, so "negligible" is false: the TOST at each look may say
    /// it with probability at most that look's share of α (for normal differences, which is its assumption).
    /// </summary>
    [TestCaseSource(nameof(Rules))]
    public void An_effect_on_the_edge_of_the_band_is_called_negligible_at_most_alpha_of_the_time(AlphaSpending rule)
    {
        var rate = Rate(rule, Union, EdgeWorlds, "edge", shift: Sigma / 2, negligible: Sigma / 2, v => v == ClaimVerdict.Negligible);
        TestContext.Out.WriteLine($"{rule.Name}: false Negligible in {rate}");
        Assert.That(rate.Lower, Is.LessThanOrEqualTo(Alpha), $"{rule.Name}: {rate}");
    }

    /// <summary>With no effect every decided verdict is false (Negligible cannot occur: that claim declares no band).</summary>
    private static bool AnyVerdict(ClaimVerdict verdict) =>
        verdict is ClaimVerdict.Supported or ClaimVerdict.Refuted or ClaimVerdict.Negligible;

    private static bool Supported(ClaimVerdict verdict) => verdict == ClaimVerdict.Supported;

    private static MeasuredRate Rate(AlphaSpending rule, SequentialBoundaries boundaries, int worlds, string stream, double shift,
        double? negligible, Func<ClaimVerdict, bool> counts)
    {
        var claim = DropoutClaim(negligible);
        var settings = new ClaimSet(Alpha, 200, 1, [claim], [], [], "claims.json", Decide: Plan);
        var plan = Plan with { Spending = rule, Boundaries = boundaries };
        var random = new SeededRandom(SeededRandom.Derive(2026, stream));
        var events = 0;
        for (var w = 0; w < worlds; w++)
        {
            var runs = World(random, shift);
            // Each look sees the world's first seeds, both configurations of each: seeds 1 to 10, then 1 to 20, …
            IReadOnlyList<RunResult> At(int? seeds) => runs.Take(2 * (seeds ?? InitialSeeds)).ToList();
            var outcome =
                SequentialProcedure.Run(settings, plan, InitialSeeds, (_, seeds, open) => open.ToDictionary(c => c, _ => At(seeds)))[0];
            if (outcome.Decision!.Decided && counts(outcome.Verdict)) events++;
        }
        return new MeasuredRate(events, worlds);
    }

    private static Claim DropoutClaim(double? negligible) => new("dropout", "dropout lowers the gap", "", "gap",
        [new ClaimPart("", ComparisonTest.Probability, ClaimedSide.Less, true,
            A: SyntheticRuns.Filter(5, 0.2, 1000), B: SyntheticRuns.Filter(5, 0, 1000))],
        SyntheticRuns.Registered(ClaimVerdict.Supported), "", negligible is { } band ? SyntheticRuns.Band(band) : null);

    /// <summary>
    /// One world, seeds 1 to 40 in order: without dropout a gap of 0.5 with seed-to-seed spread, with dropout that gap plus
    /// a difference ~ N(<paramref name="shift"/>, σ²).
    /// </summary>
    private static List<RunResult> World(SeededRandom random, double shift)
    {
        var runs = new List<RunResult>(2 * Plan.MaxSeeds);
        for (var seed = 1; seed <= Plan.MaxSeeds; seed++)
        {
            var gap = 0.5 + 0.1 * SyntheticRuns.Gaussian(random);
            runs.Add(SyntheticRuns.WithGap(5, 0, 1000, seed, gap));
            runs.Add(SyntheticRuns.WithGap(5, 0.2, 1000, seed, gap + shift + Sigma * SyntheticRuns.Gaussian(random)));
        }
        return runs;
    }

    /// <summary>Deliberately broken: each look gets the claim's whole α, so four looks may spend 4α.</summary>
    private sealed record AllOfAlphaAtEveryLook() : AlphaSpending("all-of-alpha-at-every-look")
    {
        public override double Spent(double alpha, double fraction, int look, int looks) => alpha * look;
    }
}

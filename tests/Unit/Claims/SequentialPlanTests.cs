using Harness.History;
using Harness.Claims;
using Harness.Claims.Sequential;

namespace Harness.Tests.Unit.Claims;

internal sealed class SequentialPlanTests
{
    [Test]
    public void Looks_start_at_the_experiment_s_seeds_and_end_at_the_budget()
    {
        Assert.That(new SequentialPlan(40, 10).Looks(10), Is.EqualTo(new[] { 10, 20, 30, 40 }));
        Assert.That(new SequentialPlan(35, 10).Looks(10), Is.EqualTo(new[] { 10, 20, 30, 35 }), "the last look is the budget itself");
        Assert.That(new SequentialPlan(12).Looks(4), Is.EqualTo(new[] { 4, 8, 12 }), "stage defaults to the experiment's seeds");
        Assert.That(new SequentialPlan(10, 10).Looks(10), Is.EqualTo(new[] { 10 }), "no budget beyond the seeds: one look");
    }

    public static IEnumerable<TestCaseData> Rules() =>
        AlphaSpending.All.Select(rule => new TestCaseData(rule).SetArgDisplayNames(rule.Name));

    /// <summary>The union bound's whole premise: over any planned looks the shares add up to the claim's α, none negative.</summary>
    [TestCaseSource(nameof(Rules))]
    public void Every_rule_s_shares_are_positive_and_sum_to_the_claim_s_alpha(AlphaSpending rule)
    {
        var plans = new[]
        {
            (new SequentialPlan(40, 10), 10), (new SequentialPlan(35, 10), 10), (new SequentialPlan(12), 4),
            (new SequentialPlan(10, 10), 10), (new SequentialPlan(40, 3), 4), (new SequentialPlan(10), 12),
        };
        foreach (var (plan, initial) in plans)
        {
            var shares = (plan with { Spending = rule }).AlphaAtLooks(0.05, plan.Looks(initial));
            Assert.That(shares.Sum(), Is.EqualTo(0.05).Within(1e-15), $"{plan} from {initial} seeds");
            Assert.That(shares, Has.All.GreaterThan(0));
        }
    }

    [Test]
    public void Bonferroni_is_the_default_and_splits_alpha_evenly_whatever_the_seeds()
    {
        Assert.That(new SequentialPlan(40, 10).Spending, Is.SameAs(AlphaSpending.Bonferroni));
        Assert.That(new SequentialPlan(35, 10).AlphaAtLooks(0.05, [10, 20, 30, 35]), Is.EqualTo(new[] { 0.0125, 0.0125, 0.0125, 0.0125 })
            .Within(1e-15));
    }

    /// <summary>
    /// Cumulative α at t = ¼, ½, ¾, 1 for α = 0.05, computed apart from the code (Python's statistics.NormalDist):
    /// α·ln(1 + (e − 1)t) and 2Φ(−z₀.₉₇₅/√t). They match Lan and DeMets' published table (O'Brien–Fleming 0.0001, 0.0056, 0.0236).
    /// </summary>
    [TestCase("pocock", 0.01786870097543942, 0.031005725347913876, 0.04139944696214349)]
    [TestCase("obrien-fleming", 8.857543832141435e-05, 0.005574596680784416, 0.023625121317601194)]
    public void Pocock_and_O_Brien_Fleming_spend_what_Lan_and_DeMets_give(string name, double quarter, double half, double threeQuarters)
    {
        var plan = new SequentialPlan(40, 10) { Spending = AlphaSpending.Find(name)! };
        var shares = plan.AlphaAtLooks(0.05, plan.Looks(10));
        var cumulative = shares.Select((_, i) => shares.Take(i + 1).Sum()).ToList();
        Assert.That(cumulative[0], Is.EqualTo(quarter).Within(1e-12));
        Assert.That(cumulative[1], Is.EqualTo(half).Within(1e-12));
        Assert.That(cumulative[2], Is.EqualTo(threeQuarters).Within(1e-12));
        Assert.That(cumulative[3], Is.EqualTo(0.05).Within(1e-15));
    }

    [Test]
    public void O_Brien_Fleming_keeps_alpha_for_the_last_look_and_Pocock_spends_it_early()
    {
        var looks = new[] { 10, 20, 30, 40 };
        double[] Shares(AlphaSpending rule) => [.. (new SequentialPlan(40, 10) { Spending = rule }).AlphaAtLooks(0.05, looks)];
        var (even, pocock, obf) = (Shares(AlphaSpending.Bonferroni), Shares(AlphaSpending.Pocock), Shares(AlphaSpending.OBrienFleming));

        Assert.That(obf[0], Is.LessThan(even[0] / 100), "a first look at a quarter of the budget gets under 1% of the even share");
        Assert.That(obf[3], Is.GreaterThan(even[3]), "and the last look more than the even share");
        Assert.That(pocock[0], Is.GreaterThan(even[0]));
        Assert.That(pocock[3], Is.LessThan(even[3]));
    }

    [Test]
    public void Rules_are_found_by_name_whatever_the_case()
    {
        Assert.That(AlphaSpending.All.Select(r => r.Name), Is.EqualTo(new[] { "bonferroni", "pocock", "obrien-fleming" }));
        Assert.That(AlphaSpending.Find("OBrien-Fleming"), Is.SameAs(AlphaSpending.OBrienFleming));
        Assert.That(AlphaSpending.Find("haybittle-peto"), Is.Null);
    }

    [Test]
    public void The_decision_says_the_look_s_own_alpha_the_rule_and_the_boundaries()
    {
        Assert.That(new SequentialDecision(20, 2, 4, 40, 0.013138, AlphaSpending.Pocock, Decided: true).Describe(),
            Is.EqualTo("Decided at look 2 of 4, with 20 seeds per configuration (α at this look 0.0131, pocock spending, " +
                       "exact boundaries for sign tests)."));
        Assert.That(new SequentialDecision(10, 1, 4, 40, 8.857e-5, AlphaSpending.OBrienFleming, Decided: true).Describe(),
            Does.Contain("(α at this look 0.0000886, obrien-fleming spending)."), "three significant digits, never 0; at the first " +
                "look both kinds of boundaries decide alike, so neither is named");
        Assert.That(new SequentialDecision(40, 4, 4, 40, 0.0086, AlphaSpending.Pocock, Decided: false)
                { Boundaries = SequentialBoundaries.Union }.Describe(),
            Is.EqualTo("Still open after 4 looks and the budget of 40 seeds per configuration (pocock spending, union bound)."));
    }

    /// <summary>
    /// A world the exact boundaries decide a stage earlier than the union bound: one paired part under pocock, dropout lowering
    /// the gap in 7 of seeds 1–10, 8 of 11–20 and 7 of 21–30. At 10 and 20 pairs neither decides (9/10 and 16/20 are needed by
    /// both); at 30 the union bound's share 0.0104 needs 23 of 30 (p = 0.0052), while the exact boundary, spending what the
    /// discrete test left unused at the first two looks, decides at 22 of 30 (nominal level 0.0161).
    /// </summary>
    [Test]
    public void Exact_boundaries_decide_a_stage_before_the_union_bound_and_the_decision_says_what_they_saved()
    {
        var plan = new SequentialPlan(40, 10) { Spending = AlphaSpending.Pocock };
        var claim = new Claim("dropout", "dropout lowers the gap", "", "gap",
            [new ClaimPart("", ComparisonTest.Probability, ClaimedSide.Less, true,
                A: SyntheticRuns.Filter(5, 0.2, 1000), B: SyntheticRuns.Filter(5, 0, 1000))],
            SyntheticRuns.Registered(ClaimVerdict.Supported), "");
        var settings = new ClaimSet(0.05, 200, 1, [claim], [], [], "claims.json", Decide: plan);
        int[] higher = [1, 2, 3, 11, 12, 21, 22, 23, 31, 32];   // dropout raises the gap at these seeds, lowers it at the others
        var runs = Enumerable.Range(1, 40).SelectMany(seed => new[]
        {
            SyntheticRuns.WithGap(5, 0, 1000, seed, 0.5),
            SyntheticRuns.WithGap(5, 0.2, 1000, seed, higher.Contains(seed) ? 0.51 : 0.49),
        }).ToList();
        IReadOnlyList<RunResult> At(int? seeds) => [.. runs.Where(r => r.Config.Seed <= (seeds ?? 10))];
        SequentialProcedure.LookResults results = (_, seeds, open) => open.ToDictionary(c => c, _ => At(seeds));

        var exact = SequentialProcedure.Run(settings, plan, 10, results)[0];
        var union = SequentialProcedure.Run(settings, plan with { Boundaries = SequentialBoundaries.Union }, 10, results,
            lastLook: exact.Decision!.Look)[0];

        Assert.That(exact.Verdict, Is.EqualTo(ClaimVerdict.Supported));
        Assert.That((exact.Decision.Look, exact.Decision.Seeds), Is.EqualTo((3, 30)));
        Assert.That(exact.Parts[0].Boundary, Is.EqualTo("exact sequential boundary (nominal level 0.0161 at look 3)"));
        Assert.That((union.Decision!.Decided, union.Decision.Look), Is.EqualTo((false, 3)), "lastLook: no look past the third");
        Assert.That((exact.Decision with { UnionBound = union.Decision }).Describe(), Does.EndWith(
            "exact boundaries for sign tests). The union bound leaves it open at look 3, with 30 seeds: the exact boundaries " +
            "saved a stage of seeds at least."));
    }
}

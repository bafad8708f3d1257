using Harness.Baselines;
using Harness.Claims;
using Harness.Claims.Sequential;
using Harness.Report;

namespace Harness.Tests.Unit.Report;

public sealed class ConclusionsBlockTests
{
    [Test]
    public void Each_claim_shows_its_statement_the_datas_verdict_the_registered_one_and_its_finding()
    {
        var results = ReportFixture.Results();

        var block = ConclusionsBlock.Render(results);

        var lines = block.Split('\n');
        var at = Array.IndexOf(lines, "    ✓ Supported — deeper nets overfit more (registered Supported)");
        Assert.That(at, Is.GreaterThan(0), block);
        // In the fixture every seed's gap rises with depth, so ρ is 1 in each and the exact p is 2·(½)⁶.
        Assert.That(lines[at + 1],
            Is.EqualTo("        without dropout: ρ(layers, gap) within seeds = 1.00 (no interval: the data show no spread), permutation " +
                "within 6 seeds, p = 0.0313 → Supported"),
            "a part to a line: its name, the effect with its interval, the test and its p, and the part's verdict");
        Assert.That(lines[at + 2], Is.EqualTo("        6 seeds, α = 0.05, 95% interval."), "then the seed count and the design");
    }

    [Test]
    public void A_verdict_that_differs_from_its_registration_is_marked_and_says_so()
    {
        var results = ReportFixture.Results();
        var dropout = results.Claims.Single(c => c.Claim.Id == "dropout");
        Assert.That(dropout.Holds, Is.False, "the fixture registers this claim wrongly on purpose");

        var block = ConclusionsBlock.Render(results);

        Assert.That(block,
            Does.Contain($"    ✗ {dropout.Verdict} — dropout raises the gap (registered Supported: DIFFERS FROM THE REGISTRATION)"));
        Assert.That(block, Does.Contain("  Not everything holds — see the marked items below."));
    }

    [Test]
    public void Tiers_and_published_runs_are_counted_and_failures_named()
    {
        var block = ConclusionsBlock.Render(ReportFixture.Results());

        Assert.That(block, Does.Contain("  Exact tier: 23 of 24 histories verified bit for bit (numerics profile portable).\n" +
                                        "    - 1 regressed: layers-3_dropout-0_n-1000_seed-6.\n"));
        Assert.That(block, Does.Contain("  Ensemble tier: 4 consistent (of 4 configurations).\n"));
        Assert.That(block,
            Does.Contain("  Published runs: 1 compared, 1 value(s) outside the reproduced range widened by one IQR, " +
            "each registered as an outlier.\n" +
                                        "    - layers-1_dropout-0_n-1000 gap: published 0.9000, at the 100th percentile of 6 seeds " +
                                        "(0.3900–0.4065): an outlier, as registered.\n"),
            "where the published value sits among the reproduced seeds");
        Assert.That(block, Does.Not.Contain("Claims: "), "the claims are listed one by one, not counted");
    }

    [Test]
    public void The_callers_lines_close_the_block()
    {
        var block =
            ConclusionsBlock.Render(ReportFixture.Results(),
                ["Run store /tmp/s: 24 run(s) reused, 0 trained.", "Report: /tmp/r/report.md."]);

        Assert.That(block, Does.EndWith("  Run store /tmp/s: 24 run(s) reused, 0 trained.\n  Report: /tmp/r/report.md.\n"));
        Assert.That(block, Does.StartWith("Conclusions of fixture (a fixed experiment), from 24 run(s):\n"));
    }

    [Test]
    public void A_filtered_run_shows_only_what_it_found()
    {
        var fixture = ReportFixture.Results();
        var runs = fixture.Runs.Where(r => r.Config.ConfigurationId == "layers-1_dropout-0_n-1000").ToList();
        var partial = fixture with
        {
            Runs = runs,
            Exact = [.. runs.Select(r => new ExactCheck(r.Config, new ExactOutcome(ExactVerdict.Match, "identical")))],
            Ensemble = [.. fixture.Ensemble.Where(e => e.ConfigurationId == "layers-1_dropout-0_n-1000")],
            Claims = [],
            Published = [],
            Complete = false,
        };

        var block = ConclusionsBlock.Render(partial);

        Assert.That(block,
            Does.Contain("  Nothing failed, but not everything was verified: this run checked only what its selected tests needed."),
            "a filtered run never says everything holds");
        Assert.That(block, Does.Contain("from 6 run(s)").And.Contain("Exact tier: 6 of 6 histories verified bit for bit")
            .And.Contain("Ensemble tier: 1 consistent (of 1 configurations)."));
        Assert.That(block, Does.Not.Contain("Claims").And.Not.Contain("Published runs"), "nothing is said of what did not run");
    }

    [Test]
    public void A_claim_too_few_seeds_could_decide_is_not_evaluated_and_says_what_it_needs()
    {
        var fixture = ReportFixture.Results();
        var settings = new ClaimSet(0.05, 1000, 3, [], ["gap"], [], "claims.json");
        var claim = fixture.Claims.Single(c => c.Claim.Id == "deeper").Claim;
        var twoSeeds = fixture.Runs.Where(r => r.Config.Seed <= 2).ToList();
        var outcome = ClaimEvaluator.Evaluate(claim, settings, twoSeeds);
        Assert.That(outcome.Evaluated, Is.False, "two seeds of two depths cannot reach α");

        var block = ConclusionsBlock.Render(fixture with { Claims = [outcome] });

        Assert.That(block, Does.Contain("    ○ Not evaluated — deeper nets overfit more (registered Supported: too few seeds)"));
        Assert.That(block, Does.Contain(outcome.Needs));
    }

    [Test]
    public void A_first_look_says_so_and_what_the_decide_plan_reached_when_it_was_registered()
    {
        var fixture = ReportFixture.Results();
        var plan = new SequentialPlan(24, 6) { Spending = AlphaSpending.Pocock };
        var settings = new ClaimSet(0.05, 1000, 3, [], ["gap"], [], "claims.json", Decide: plan);
        var claim = fixture.Claims.Single(c => c.Claim.Id == "deeper").Claim;
        var decided = Registration.Snapshot(ClaimVerdict.Supported, 12, "portable", new DateOnly(2026, 11, 30), "129c9a1", 2, plan);
        var outcome = SequentialProcedure.FirstLook(claim with { Decided = decided }, settings, plan, 6,
            fixture.Runs);

        var block = ConclusionsBlock.Render(fixture with { Claims = [outcome] });

        // Looks at 6, 12, 18, 24 seeds: pocock spends 0.05·ln(1 + (e − 1)/4) = 0.0179 at the first, which two depths on 6
        // seeds cannot reach (2·½⁶ = 0.031): the first look leaves the claim open, and the plan's verdict is its conclusion.
        Assert.That(block, Does.Contain("        Open at look 1 of 4, with 6 seeds per configuration (α at this look 0.0179, " +
            "pocock spending): reproduce --decide takes the looks that follow."));
        Assert.That(block, Does.Contain("        The decide plan reached Supported at look 2 with 12 seeds per configuration " +
            "(regression snapshot of 12 seeds at look 2 of the decide plan, portable profile, 2026-11-30, commit 129c9a1, " +
            "tests exact-3): reproduce --decide checks it."));
    }
}

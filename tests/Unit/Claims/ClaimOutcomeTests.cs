using Harness.Claims;
using Harness.Claims.Sequential;
using Harness.Statistics;

namespace Harness.Tests.Unit.Claims;

/// <summary>When a verdict contradicts its registration: a snapshot is a regression check on its own seeds only.</summary>
public sealed class ClaimOutcomeTests
{
    private static ClaimOutcome Outcome(ClaimVerdict registered, ClaimVerdict measured, int seeds, SequentialDecision? decision = null)
    {
        var part = new ClaimPart("", ComparisonTest.Probability, ClaimedSide.Less, true);
        var claim =
            new Claim("c", "dropout lowers the gap", "", "gap", [part], SyntheticRuns.Registered(registered) with { Seeds = 10 }, "");
        var outcome = new PartOutcome(part, "P", new Interval(0.3, 0.1, 0.5, 0.95), 0.5, measured, [], seeds, null);
        return new ClaimOutcome(claim, measured, [outcome], 0.05, decision);
    }

    [Test]
    public void On_the_snapshot_s_own_seeds_any_change_is_a_regression()
    {
        Assert.That(Outcome(ClaimVerdict.Supported, ClaimVerdict.Supported, 10).Holds, Is.True);
        Assert.That(Outcome(ClaimVerdict.Supported, ClaimVerdict.Inconclusive, 10).Holds, Is.False);
        Assert.That(Outcome(ClaimVerdict.Inconclusive, ClaimVerdict.Supported, 10).Holds, Is.False);
    }

    [Test]
    public void On_other_seeds_only_two_decided_verdicts_that_differ_contradict()
    {
        Assert.That(Outcome(ClaimVerdict.Supported, ClaimVerdict.Inconclusive, 6).Holds, Is.True, "fewer seeds reach less far");
        Assert.That(Outcome(ClaimVerdict.Supported, ClaimVerdict.Refuted, 6).Holds, Is.False);
        Assert.That(Outcome(ClaimVerdict.Supported, ClaimVerdict.Negligible, 40).Holds, Is.False);
        var decided = new SequentialDecision(30, 3, 4, 40, 0.0125, AlphaSpending.Bonferroni, Decided: true);
        Assert.That(Outcome(ClaimVerdict.Inconclusive, ClaimVerdict.Negligible, 30, decided).Holds, Is.True, "seeds added until decided");
        var open = new SequentialDecision(10, 1, 4, 40, 0.0125, AlphaSpending.Bonferroni, Decided: false);
        Assert.That(Outcome(ClaimVerdict.Supported, ClaimVerdict.Inconclusive, 10, open).Holds, Is.True,
            "a look at α/4 on the registered seeds is not the registered single look at α");
    }
}

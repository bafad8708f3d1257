using Harness.Baselines;
using Harness.Claims;
using Harness.Claims.Sequential;
using Harness.Grid;
using Harness.Report;
using Harness.Tests.Unit.Claims;

namespace Harness.Tests.Unit.Report;

/// <summary>
/// Results shaped like the shipped tutorial's when everything holds: its five statements and the source's words (one of
/// them Chinese), parts as many as its claims have (2, 2, 8, 6, 6), each claim registered with the verdict it gets, one of
/// them at the first look of a decide plan whose registered end reached another verdict; a published run, a registered outlier.
/// The runs are
/// <see cref="ReportFixture"/>'s with ten seeds, every history verified.
/// </summary>
internal static class TutorialLikeFixture
{
    public static ExperimentResults Results()
    {
        var fixture = ReportFixture.Results();
        // Ten seeds, as the tutorial has: a sign test over 9 or more pairs reaches α split over 8 parts.
        var runs = (from layers in new[] { 1, 3 }
                    from dropout in new[] { 0.0, 0.2 }
                    from seed in Enumerable.Range(1, 10)
                    select SyntheticRuns.WithGap(layers, dropout, 1000, seed, 0.3 + 0.1 * layers - 0.2 * dropout +
                        0.02 * SyntheticRuns.Noise(seed, layers))).ToList();
        var settings = new ClaimSet(0.05, 1000, 3, [], ["gap"], [], "claims.json");
        Claim Claim(string id, string statement, string source, params string[] parts) => new(id, statement, source, "gap",
            [.. parts.Select((name, i) => new ClaimPart(name, ComparisonTest.Probability, ClaimedSide.Greater, true,
                A: SyntheticRuns.Filter(layers: 3, dropout: i % 2 == 0 ? 0 : 0.2),
                B: SyntheticRuns.Filter(layers: 1, dropout: i % 2 == 0 ? 0 : 0.2)))],
            SyntheticRuns.Registered(ClaimVerdict.Supported), "as the source says");
        var claims = new[]
        {
            Claim("deeper", "deeper nets overfit more at n=1000",
                "With few samples, the deeper the network, the more it overfits.", "without dropout", "with dropout"),
            Claim("val-acc", "9-layer nets end with a lower val_acc than 1-layer nets at n=1000",
                "Deeper networks may even do worse on the test set.", "without dropout", "with dropout"),
            Claim("samples", "more training samples shrink the generalisation gap and its growth with depth",
                "训练样本越多，过拟合越轻，甚至消失。", [.. Enumerable.Range(1, 8).Select(i => $"gap at n=6000 < n=1000, part {i}")]),
            Claim("smoother", "dropout makes the val_loss curve smoother (less epoch-to-epoch variation)",
                "Dropout makes the loss curves smoother, with smaller variance.",
                "layers=1", "layers=3", "layers=5", "layers=7", "layers=9", "pooled over depths"),
            Claim("dropout", "dropout lowers the generalisation gap", "Dropout alleviates overfitting.",
                "layers=1", "layers=3", "layers=5", "layers=7", "layers=9", "pooled over depths"),
        };
        var outcomes = claims.Select(c => ClaimEvaluator.Evaluate(c, settings, runs))
            .Select(o => o with { Claim = o.Claim with { Registration = SyntheticRuns.Registered(o.Verdict) } }).ToList();
        // The tutorial's second claim: at the first look of its plan, whose registered end is a later look (so the block says
        // what that reached too).
        var plan = new SequentialPlan(40, 10) { Spending = AlphaSpending.Pocock };
        var decided = Registration.Snapshot(ClaimVerdict.Supported, 20, "portable", new DateOnly(2026, 11, 30), "129c9a1", 2, plan);
        var firstLook = SequentialProcedure.FirstLook(claims[1] with { Decided = decided }, settings with { Decide = plan }, plan, 10,
            runs);
        outcomes[1] = firstLook with { Claim = firstLook.Claim with { Registration = SyntheticRuns.Registered(firstLook.Verdict) } };
        return fixture with
        {
            Runs = runs,
            Ensemble = [.. runs.GroupBy(r => r.Config.ConfigurationId).Select(g => new EnsembleCheck(
                new ConfigurationRuns(g.Key, g.First().Config, [.. g.Select(r => r.Config)]),
                new EnsembleOutcome(EnsembleVerdict.Consistent, "ok")))],
            Exact = [.. runs.Select(r => new ExactCheck(r.Config, new ExactOutcome(ExactVerdict.Match, "identical")))],
            Claims = outcomes,
        };
    }
}

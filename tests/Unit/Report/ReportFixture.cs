using Harness.Baselines;
using Harness.Claims;
using Harness.Config;
using Harness.Settings;
using Harness.Grid;
using Harness.History;
using Harness.Report;
using Harness.Tests.Unit.Baselines;
using Harness.Tests.Unit.Claims;

namespace Harness.Tests.Unit.Report;

/// <summary>Fixed, synthetic results covering every section of the report (a regression and a mismatched claim included).</summary>
internal static class ReportFixture
{
    /// <param name="words">Appended to every text an experiment's files give (title, source, statements, the source's words,
    /// reasons, part names): <see cref="HostileText.All"/> makes the fixture a hostile experiment's.</param>
    public static ExperimentResults Results(string words = "")
    {
        var experiment = new Experiment("fixture", "a fixed experiment" + words, "unit tests" + words, "mnist",
            Harness.Native.NumericsProfile.Portable,
            [new GridSpec("grid", "",
                [new Axis(RunSettings.Layers, [1, 3]), new Axis(RunSettings.Dropout, [0.0, 0.2]), new Axis(RunSettings.NTrain, [1000])], 1,
                6, new RunConfig())],
            0.01, null, "experiment.json", new FigureLayout(RunSettings.NTrain, RunSettings.Dropout, RunSettings.Layers));
        var runs = (from layers in new[] { 1, 3 }
                    from dropout in new[] { 0.0, 0.2 }
                    from seed in Enumerable.Range(1, 6)
                    select SyntheticRuns.WithGap(layers, dropout, 1000, seed, 0.3 + 0.1 * layers - 0.2 * dropout +
                        0.02 * SyntheticRuns.Noise(seed, layers))).ToList();
        var exact =
            runs.Select(r =>
                new ExactCheck(r.Config,
                    new ExactOutcome(r.RunId.EndsWith("seed-6", StringComparison.Ordinal) && r.Config.Layers == 3 && r.Config.Dropout == 0
            ? ExactVerdict.Regression : ExactVerdict.Match, "message"))).ToList();
        var ensemble = runs.GroupBy(r => r.Config.ConfigurationId).Select(g => new EnsembleCheck(
            new ConfigurationRuns(g.Key, g.First().Config, [.. g.Select(r => r.Config)]),
                new EnsembleOutcome(EnsembleVerdict.Consistent, "ok"))).ToList();
        var settings = new ClaimSet(0.05, 1000, 3, [], ["gap"], [], "claims.json");
        var trend = new Claim("deeper", "deeper nets overfit more" + words, "The deeper, the more it overfits." + words, "gap",
            [new ClaimPart("without dropout" + words, ComparisonTest.Trend, ClaimedSide.Greater, false,
                Where: SyntheticRuns.Filter(dropout: 0), Axis: RunSettings.Layers)],
            SyntheticRuns.Registered(ClaimVerdict.Supported), "the gap rises with depth in the fixture" + words);
        var dropoutClaim = new Claim("dropout", "dropout raises the gap" + words, "", "gap",
            [new ClaimPart("pooled" + words, ComparisonTest.Probability, ClaimedSide.Greater, true, A: SyntheticRuns.Filter(dropout: 0.2),
                B: SyntheticRuns.Filter(dropout: 0))],
            SyntheticRuns.Registered(ClaimVerdict.Supported), "registered wrongly on purpose, to show a mismatch" + words);
        var claims = new[] { trend, dropoutClaim }.Select(c => ClaimEvaluator.Evaluate(c, settings, runs)).ToList();
        var published = PublishedComparison.Compare(
            new PublishedRun(runs[0].Config, SyntheticRuns.WithGap(1, 0, 1000, 0, 0.9).History, new Dictionary<string, double>()),
                runs.Where(r => r.Config.ConfigurationId == runs[0].Config.ConfigurationId).ToList(), ["gap"]);
        return new ExperimentResults(experiment, BaselineFixtures.Here, runs, exact, ensemble, claims, [published],
            [new PublishedOutlier(runs[0].Config.ConfigurationId, "gap", "the fixture's published gap is far off" + words)]);
    }
}

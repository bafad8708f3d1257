using Harness.Baselines;
using Harness.Claims;
using Harness.Grid;
using Harness.Report;
using Harness.Settings;
using Harness.TestLogger;
using NUnit.Framework;

namespace Harness.NUnit;

/// <summary>
/// Experiments as tests: derive a class from this one in a test project, and each experiment of the folder its
/// <see cref="ExperimentsFolderAttribute"/> names (<c>experiments/</c> without one) becomes a fixture of that class, with
/// the exact tier per run, the ensemble tier per configuration, each claim, each published run, a check of the baselines'
/// inventory and the report, attached to the results. Every test shares the experiment's runs, which train once per test
/// run on one worker per core (once per machine with the run store); progress comes in the console while they train, and
/// the fixture ends with the experiment's conclusions, as <c>reproduce</c> does:
/// <code>
/// [ExperimentsFolder("experiments")]
/// public sealed class Reproduction(string experiment) : ExperimentTests(experiment);
/// </code>
/// A derived class may add tests of its own, reading <see cref="Report"/>.
/// </summary>
/// <param name="experiment">The experiment's folder, as the fixture gives it.</param>
[ExperimentsFolder(ExperimentsFolderAttribute.Default)]
[Parallelizable(ParallelScope.Children)]
public abstract class ExperimentTests(string experiment)
{
    private TestedExperiment Tested => Experiments.Of(experiment);

    /// <summary>The whole reproduction, as <c>reproduce</c> writes it, under <c>artifacts/test-report/&lt;experiment&gt;/</c>;
    /// written by the first test that asks, from the runs the other tests share.</summary>
    protected WrittenReport Report => Tested.Report;

    [OneTimeSetUp]
    public void InitializeTorch() => Experiments.InitializeTorch();

    /// <summary>Each run's per-epoch history, bit for bit against its verified baseline (same environment), or not comparable.</summary>
    [ExperimentCases(ExperimentCase.Runs)]
    public void History_matches_the_verified_baseline(RunCase run) =>
        TierAssert.Report(Tested.VerifyExact(run.Run), Tested.Session.Baselines);

    /// <summary>Each configuration's seeds against the baseline's distribution of summary statistics.</summary>
    [ExperimentCases(ExperimentCase.Configurations)]
    public void Seeds_are_consistent_with_the_baseline_distribution(ConfigurationCase configuration) =>
        TierAssert.Report(Tested.VerifyEnsemble(configuration.Configuration), Tested.Session.Baselines);

    /// <summary>
    /// A claim, decided by many seeds. It passes when the data's verdict is the registered one, whatever that verdict is: a
    /// claim that does not reproduce is registered as such, never hidden, and its test's name says so ("… — registered
    /// Refuted"), as does the conclusions block. On fewer seeds than the registration's a claim that cannot be evaluated, or
    /// evaluates Inconclusive where the registration was decided, is inconclusive as a test; only a contradicting verdict fails.
    /// </summary>
    [ExperimentCases(ExperimentCase.Claims)]
    public void Verdict_is_as_registered(ClaimCase claim)
    {
        var outcome = Tested.EvaluateClaim(claim.Claim);
        TestContext.Out.WriteLine(outcome.Headline);
        TestContext.Out.WriteLine();
        TestContext.Out.WriteLine(ClaimEvidence.Render(outcome).Text);

        if (!outcome.Evaluated)
            NotRun.Because($"not evaluated: {outcome.Headline}", "test with the experiment's own seeds");
        if (!outcome.Holds)
            Assert.Fail($"Registered {outcome.Claim.Registration.Verdict} ({outcome.Claim.Registration.Provenance}; " +
                $"{outcome.Claim.Reason}), but the data says: {outcome.Headline}\n\n{ClaimEvidence.Render(outcome).Text}");
        if (!outcome.AsRegistered)
            NotRun.Because($"not the snapshot's seed count: {ClaimText.OnOtherSeeds(outcome)} than the snapshot, without " +
                $"contradicting it: {outcome.Headline}", "test with the experiment's own seeds, which its registration was made on");
        Assert.Pass(outcome.Headline);
    }

    /// <summary>A published run per configuration, placed within the reproduced seed distribution.</summary>
    [ExperimentCases(ExperimentCase.PublishedConfigurations)]
    public void Published_run_lies_where_registered_in_the_reproduced_distribution(PublishedRunCase publishedCase)
    {
        var published = publishedCase.Published;
        if (Tested.Session.PublishedSetAside.FirstOrDefault(s => s.Run == published) is { } setAside)
            NotRun.Because(SetAsidePublishedRun.Sentences([setAside]).Single(),
                "test without overrides of the experiment's settings (--set, HARNESS__ variables)");
        var comparison = Tested.ComparePublished(published);
        var registered = Tested.Session.Claims.PublishedOutliers.Where(o => o.Configuration == published.ConfigurationId).ToList();
        var report = comparison.Render() + string.Concat(registered.Select(o => $"Registered outlier ({o.Metric}): {o.Reason}\n"));
        TestContext.Out.WriteLine(report);

        // A metric too few seeds cannot judge is neither an outlier nor within (as in the report): not a failure, not a pass.
        var judged = comparison.Metrics.Where(m => !m.TooFewSeeds).ToList();
        if (judged.Count == 0)
            NotRun.Because($"too few reproduced seeds to place the published run\n{report}", "test with the experiment's own seeds");
        var flagged = judged.Where(m => m.Outlier).Select(m => m.Metric).Order().ToList();
        var expected = registered.Where(o => judged.Any(m => m.Metric == o.Metric)).Select(o => o.Metric).Order().ToList();
        Assert.That(flagged, Is.EqualTo(expected),
            $"Outliers found ({string.Join(", ", flagged)}) differ from those registered in claims.json " +
            $"({string.Join(", ", expected)}).\n{report}");
        Assert.Pass(report);
    }

    /// <summary>Baselines and the experiment must describe the same runs: a stale verified file is a silent gap in coverage.</summary>
    [Test]
    public void Every_verified_baseline_belongs_to_a_run_of_the_experiment()
    {
        var folder = Experiments.Folder(experiment);
        var orphans = folder.Baselines(BaselinePolicy.FromEnvironment())
            .Orphans(ExperimentGrid.Runs(folder.Experiment), ExperimentGrid.Configurations(folder.Experiment));
        Assert.That(orphans, Is.Empty,
            "Verified baselines with no matching run in the experiment (delete them, or restore the runs):\n  " +
                string.Join("\n  ", orphans));
    }

    /// <summary>The whole reproduction as a report, attached to the test results, figures and report.html included, so a trx
    /// viewer shows them. It reuses the session's runs, so it trains nothing the other tests have not.</summary>
    [Test]
    public void The_report_is_written_and_attached()
    {
        var report = Report;

        Assert.That(report.Failures, Is.Empty);
        foreach (var file in report.Files.Where(f =>
            !f.Contains($"{Path.DirectorySeparatorChar}{RunFiles.Folder}{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            TestContext.AddTestAttachment(file, Path.GetFileName(file));
        // Published as `reproduce` publishes it: with timings.json, and the manifest the next run deletes by.
        Assert.That(Path.Combine(report.Directory, ReportPublisher.TimingsFile), Does.Exist);
        Assert.That(Path.Combine(report.Directory, ReportDirectory.ManifestFile), Does.Exist);
        var markdown = File.ReadAllText(Path.Combine(report.Directory, MarkdownReport.FileName));
        Assert.That(markdown, Does.Contain("## Figures"));
        foreach (var figure in Figures.Plan(report.Results))
        {
            Assert.That(markdown, Does.Contain($"{Figures.Folder}/{figure.File}"));
            Assert.That(new FileInfo(Path.Combine(report.Directory, Figures.Folder, figure.File)).Length, Is.GreaterThan(10_000),
                $"{figure.File} is a real image");
        }
        Assert.Pass($"Wrote {report.Directory}: {report.Files.Count} files. {report.Results.Headline}; see {HtmlReport.FileName}.");
    }

    /// <summary>
    /// The experiment's conclusions once its tests have run, and, the first time a test of this run found no baseline, how to
    /// accept: written to NUnit's progress stream, which the harness's logger prints at the default verbosity.
    /// </summary>
    [OneTimeTearDown]
    public void PrintConclusions()
    {
        if (Experiments.Opened(experiment) is { } tested)
        {
            tested.Dispose();
            if (tested.Conclusions() is { } block) TestContext.Progress.WriteLine(HarnessLogger.Marker + block);
        }
        if (AcceptHint.Once() is { } hint) TestContext.Progress.WriteLine(HarnessLogger.Marker + hint);
    }
}

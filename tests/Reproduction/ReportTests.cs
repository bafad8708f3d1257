using Harness.Report;

namespace Harness.Tests.Reproduction;

/// <summary>
/// The whole reproduction as a report (<see cref="TestedExperiment.Report"/>), attached to the test results, figures and
/// report.html included, so a trx viewer shows them; and report.html opened in a real browser, as a reader would. It
/// reuses the session's runs, so it trains nothing the other tests have not.
/// </summary>
[TestFixtureSource(typeof(Experiments), nameof(Experiments.Fixtures))]
public sealed class ReportTests(string experiment)
{
    [Test]
    public void The_report_is_written_and_attached()
    {
        var report = Experiments.Of(experiment).Report;

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

    [Test]
    [Category("Browser")]
    public void The_html_report_shows_every_claim_and_figure_in_a_browser()
    {
        Browser.RequireOrSkip();
        var report = Experiments.Of(experiment).Report;
        var page = Path.Combine(report.Directory, HtmlReport.FileName);

        var problems = HtmlReportCheck.Problems(Browser.DumpDom(page),
            report.Results.Claims.Select(c => c.Claim.Statement), Figures.Plan(report.Results).Select(f => f.File));

        Assert.That(problems, Is.Empty, $"{page}, opened in {Browser.Find()}:\n  " + string.Join("\n  ", problems));
        Assert.Pass($"{page}: {report.Results.Claims.Count} claims and {Figures.Plan(report.Results).Count} figures, each " +
            $"loaded, in {Browser.Find()}.");
    }
}

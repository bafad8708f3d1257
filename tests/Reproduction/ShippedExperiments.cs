using Harness.NUnit;
using Harness.Report;

// Tests mostly wait for runs from the shared pool, which trains one run per core; more waiting tests than cores
// keep every core busy whichever subset of tests a filter selects.
[assembly: LevelOfParallelism(8)]

namespace Harness.Tests.Reproduction;

/// <summary>
/// The shipped experiments (and those in HARNESS_EXPERIMENTS's folders) as tests, exactly as a user's test project has its
/// own: through Harness.NUnit, with the experiments' source folder named relative to the repository's root and their
/// baselines in its <c>baselines/</c>. What this repository adds is one check of its own, on the report the tests write.
/// </summary>
[ExperimentsFolder("src/Harness/experiments")]
public sealed class ShippedExperiments(string experiment) : ExperimentTests(experiment)
{
    /// <summary>report.html opened in a real browser, as a reader would: every claim and figure there, and loaded, and every
    /// claim's verdict in the first screen.</summary>
    [Test]
    [Category("Browser")]
    public void The_html_report_shows_every_claim_and_figure_in_a_browser()
    {
        Browser.RequireOrSkip();
        var page = Path.Combine(Report.Directory, HtmlReport.FileName);
        var dom = Browser.DumpDom(page);
        var statements = Report.Results.Claims.Select(c => c.Claim.Statement).ToList();

        var problems = HtmlReportCheck.Problems(dom, statements, Figures.Plan(Report.Results).Select(f => f.File))
            .Concat(HtmlReportCheck.FirstScreen(dom, statements)).ToList();

        Assert.That(problems, Is.Empty, $"{page}, opened in {Browser.Find()}:\n  " + string.Join("\n  ", problems));
        Assert.Pass($"{page}: {Report.Results.Claims.Count} claims, their verdicts in the first {Browser.Width}×{Browser.Height} " +
            $"screen, and {Figures.Plan(Report.Results).Count} figures, each loaded, in {Browser.Find()}.");
    }
}

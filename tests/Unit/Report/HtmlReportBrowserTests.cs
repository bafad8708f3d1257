using System.Diagnostics;
using Harness.IO;
using Harness.Report;

namespace Harness.Tests.Unit.Report;

/// <summary>
/// report.html opened in headless Chromium: the reader's view, after load, with the figures decoded by a real image decoder.
/// Without a browser these tests report themselves as not run, never as passed.
/// </summary>
[Category("Browser")]
public sealed class HtmlReportBrowserTests
{
    [Test]
    public void A_browser_shows_every_claim_and_every_figure()
    {
        Browser.RequireOrSkip();
        var results = ReportFixture.Results();

        var problems = OpenInBrowser(results, damage: _ => { }, extraClaims: []);

        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }

    [Test]
    public void The_browser_check_reports_a_figure_that_does_not_decode_and_a_claim_that_is_not_there()
    {
        Browser.RequireOrSkip();
        var results = ReportFixture.Results();

        // A figure file that is not an image: the writer inlines it all the same (it does not judge the bytes), so only the
        // browser's decoder can tell. (A PNG merely cut short would not do: Chromium draws the part it has.)
        var problems = OpenInBrowser(results,
            damage: figures =>
                File.WriteAllBytes(Path.Combine(figures, "gap-vs-layers.png"), "not a PNG: the plot failed half-way"u8.ToArray()),
            extraClaims: ["a claim the report never made"]);

        Assert.That(problems, Is.EqualTo(new[]
        {
            "claim \"a claim the report never made\": not in the page's text",
            "figure gap-vs-layers.png: the image did not load (data-loaded=false)",
        }));
    }

    [Test]
    public void A_hostile_experiments_text_runs_no_script_and_hides_no_failure()
    {
        Browser.RequireOrSkip();
        var results = ReportFixture.Results(HostileText.All);
        var directory = TestScratch.Path("harness-html-hostile");
        try
        {
            new Figures().Write(results, directory);
            var dom = Browser.DumpDom(new HtmlReport().Write(results, directory)[0]);

            var tampering = HtmlReportCheck.Tampering(dom);
            Assert.That(tampering, Is.Empty, string.Join("\n", tampering));
            // Control characters are shown as their escapes (\x1B), on the page as on the console.
            Assert.That(HtmlReportCheck.Problems(dom, results.Claims.Select(c => PrintableText.Inline(c.Claim.Statement)),
                Figures.Plan(results).Select(f => f.File)), Is.Empty,
                "every statement, hostile words and all, is on the page as text, and every figure decoded");
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Draws the figures, lets the test <paramref name="damage"/> them, writes report.html and checks the browser's DOM.</summary>
    private static IReadOnlyList<string> OpenInBrowser(ExperimentResults results, Action<string> damage, IReadOnlyList<string> extraClaims)
    {
        var directory = TestScratch.Path("harness-html-browser");
        try
        {
            new Figures().Write(results, directory);
            damage(Path.Combine(directory, Figures.Folder));
            var page = new HtmlReport().Write(results, directory)[0];

            var clock = Stopwatch.StartNew();
            var dom = Browser.DumpDom(page);
            TestContext.Out.WriteLine($"{Browser.Find()} loaded {page} ({new FileInfo(page).Length:N0} bytes) in " +
                $"{clock.Elapsed.TotalSeconds:0.0} s.");

            return HtmlReportCheck.Problems(dom, [.. results.Claims.Select(c => c.Claim.Statement), .. extraClaims],
                Figures.Plan(results).Select(f => f.File));
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}

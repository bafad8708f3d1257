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
    public void A_browser_shows_every_claim_and_every_figure_and_every_verdict_in_the_first_screen()
    {
        Browser.RequireOrSkip();
        var results = ReportFixture.Results();

        var dom = OpenInBrowser(results);

        var problems = Problems(dom, results);
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
        var firstScreen = HtmlReportCheck.FirstScreen(dom, results.Claims.Select(c => c.Claim.Statement));
        Assert.That(firstScreen, Is.Empty, string.Join("\n", firstScreen));
    }

    [Test]
    public void The_tutorials_five_claims_with_the_sources_words_have_their_verdicts_in_the_first_screen()
    {
        Browser.RequireOrSkip();
        var results = TutorialLikeFixture.Results();

        var dom = OpenInBrowser(results);

        var firstScreen = HtmlReportCheck.FirstScreen(dom, results.Claims.Select(c => c.Claim.Statement));
        Assert.That(firstScreen, Is.Empty, string.Join("\n", firstScreen));
    }

    [Test]
    public void The_first_screen_check_fails_when_a_long_preamble_pushes_the_verdicts_down()
    {
        Browser.RequireOrSkip();
        var fixture = ReportFixture.Results();
        var preamble = string.Join(" ", Enumerable.Repeat("a title that goes on and on", 120));
        var results = fixture with { Experiment = fixture.Experiment with { Title = preamble } };

        var firstScreen = HtmlReportCheck.FirstScreen(OpenInBrowser(results), results.Claims.Select(c => c.Claim.Statement));

        Assert.That(firstScreen, Is.EqualTo(results.Claims.Select(c => $"claim \"{c.Claim.Statement}\": its verdict is not in the " +
            $"first {Browser.Width}×{Browser.Height} screen ({HtmlReport.FirstScreenAttribute}=false)")));
    }

    [Test]
    public void The_first_screen_check_fails_when_the_claims_table_is_missing()
    {
        Browser.RequireOrSkip();
        var results = ReportFixture.Results();

        // The claims table cut out of the page: the statements are still there, in their sections, but no verdict is at the top.
        var dom = OpenInBrowser(results, damagePage: page =>
        {
            var html = File.ReadAllText(page);
            var start = html.IndexOf("<table>", StringComparison.Ordinal);
            File.WriteAllText(page, html.Remove(start, html.IndexOf("</table>", start, StringComparison.Ordinal) + 8 - start));
        });

        Assert.That(Problems(dom, results), Is.Empty, "every statement is still on the page");
        Assert.That(HtmlReportCheck.FirstScreen(dom, results.Claims.Select(c => c.Claim.Statement)),
            Is.EqualTo(results.Claims.Select(c => $"claim \"{c.Claim.Statement}\": no row of the claims table")));
    }

    [Test]
    public void The_browser_check_reports_a_figure_that_does_not_decode_and_a_claim_that_is_not_there()
    {
        Browser.RequireOrSkip();
        var results = ReportFixture.Results();

        // A figure file that is not an image: the writer inlines it all the same (it does not judge the bytes), so only the
        // browser's decoder can tell. (A PNG merely cut short would not do: Chromium draws the part it has.)
        var dom = OpenInBrowser(results,
            damage: figures =>
                File.WriteAllBytes(Path.Combine(figures, "gap-vs-layers.png"), "not a PNG: the plot failed half-way"u8.ToArray()));
        var problems = HtmlReportCheck.Problems(dom, [.. results.Claims.Select(c => c.Claim.Statement), "a claim the report never made"],
            Figures.Plan(results).Select(f => f.File));

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

    private static IReadOnlyList<string> Problems(string dom, ExperimentResults results) =>
        HtmlReportCheck.Problems(dom, results.Claims.Select(c => c.Claim.Statement), Figures.Plan(results).Select(f => f.File));

    /// <summary>Draws the figures, lets the test <paramref name="damage"/> them, writes report.html, lets the test
    /// <paramref name="damagePage"/> it, and returns the browser's DOM after load.</summary>
    private static string OpenInBrowser(ExperimentResults results, Action<string>? damage = null, Action<string>? damagePage = null)
    {
        var directory = TestScratch.Path("harness-html-browser");
        try
        {
            new Figures().Write(results, directory);
            damage?.Invoke(Path.Combine(directory, Figures.Folder));
            var page = new HtmlReport().Write(results, directory)[0];
            damagePage?.Invoke(page);

            var clock = Stopwatch.StartNew();
            var dom = Browser.DumpDom(page);
            TestContext.Out.WriteLine($"{Browser.Find()} loaded {page} ({new FileInfo(page).Length:N0} bytes) in " +
                $"{clock.Elapsed.TotalSeconds:0.0} s.");
            return dom;
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}

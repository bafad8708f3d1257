using System.Text.RegularExpressions;
using Harness.Report;

namespace Harness.Tests.Unit.Report;

/// <summary>report.html from the fixture's results and figures: the same content as report.md, in one self-contained page.</summary>
public sealed class HtmlReportTests
{
    private string _directory = "";
    private string _html = "";

    /// <summary>The page with each figure's bytes cut out, for assertions whose failure message prints it.</summary>
    private string _page = "";

    // Drawing the figures takes about a second; every test here reads the same page.
    [OneTimeSetUp]
    public void Render()
    {
        _directory = TestScratch.Path("harness-html");
        new Figures().Write(ReportFixture.Results(), _directory);
        _html = HtmlReport.Render(ReportFixture.Results(), _directory);
        _page = WithoutImageBytes(_html);
    }

    [OneTimeTearDown]
    public void Clean()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public void Every_claim_statement_is_in_the_page()
    {
        foreach (var outcome in ReportFixture.Results().Claims)
            Assert.That(_page, Does.Contain(outcome.Claim.Statement));
    }

    [Test]
    public void The_figures_are_inlined_and_nothing_is_fetched_from_elsewhere()
    {
        Assert.That(_page, Does.Not.Contain($"src=\"{Figures.Folder}/"));
        foreach (var figure in Figures.Plan(ReportFixture.Results()))
        {
            var inlined =
                Regex.Match(_html,
                    $"<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\" {HtmlReport.FigureAttribute}=\"{Regex.Escape(figure.File)}\" " +
                    $"alt=\"{Regex.Escape(figure.File)}\" />");
            Assert.That(inlined.Success, $"{figure.File} inlined as a data URI");
            Assert.That(Convert.FromBase64String(inlined.Groups[1].Value),
                Is.EqualTo(File.ReadAllBytes(Path.Combine(_directory, Figures.Folder, figure.File))), $"{figure.File}'s bytes");
        }
        Assert.That(Regex.Matches(_html, @"\b(?:src|href)=""(?!data:|#)[^""]*""").Select(m => m.Value), Is.Empty,
            "no http, https, file or relative reference: data URIs and in-page anchors only");
        Assert.That(_page, Does.Not.Contain("http://").And.Not.Contain("https://"));
        Assert.That(_page, Does.Contain("Content-Security-Policy").And.Contain("default-src 'none'"),
            "the browser refuses any request too");
    }

    [Test]
    public void The_tables_and_the_evidence_render_as_html()
    {
        Assert.That(_page, Does.Contain("<table>").And.Contain("<td>layers-3_dropout-0.2_n-1000</td>"));
        Assert.That(_page, Does.Contain("<details><summary>Evidence</summary>"), "raw HTML passes through");
        Assert.That(_page, Does.Not.Contain("| --- |"), "no table left as text");
    }

    [Test]
    public void What_does_not_hold_is_styled_as_a_failure()
    {
        Assert.That(_page,
            Does.Contain("<p class=\"failure\"><strong class=\"failure\">Not everything holds</strong> — see the marked items below.</p>"));
        Assert.That(_page,
            Does.Contain("<h3 id=\"refuted-dropout-raises-the-gap\" class=\"failure\">Refuted: dropout raises the gap</h3>"));
        Assert.That(_page, Does.Contain("<strong class=\"failure\">differs from the registration</strong>"));
        Assert.That(_page,
            Does.Contain("<li class=\"failure\">1 <strong class=\"failure\">regressed</strong>: layers-3_dropout-0_n-1000_seed-6."));
        Assert.That(_page,
            Does.Contain("<li class=\"failure\"><code>layers-3_dropout-0_n-1000_seed-6</code>: <strong " +
                "class=\"failure\">Regression</strong>. message</li>"));
    }

    [Test]
    public void An_outlier_that_was_not_registered_is_a_failing_table_row()
    {
        var results = ReportFixture.Results() with { RegisteredOutliers = [] };

        var html = WithoutImageBytes(HtmlReport.Render(results, _directory));

        Assert.That(html, Does.Contain("<tr class=\"failure\">\n<td>layers-1_dropout-0_n-1000</td>"));
        Assert.That(html, Does.Contain("<td><strong class=\"failure\">outlier, not registered</strong></td>"));
    }

    [Test]
    public void The_claims_table_marks_each_verdict_for_the_first_screen_check_and_a_differing_one_as_a_failure()
    {
        Assert.That(Regex.Matches(_page, $"<td class=\"{HtmlReport.VerdictClass}\">"), Has.Count.EqualTo(2), "one per claim");
        Assert.That(_page, Does.Contain($"<td class=\"{HtmlReport.VerdictClass}\">Supported</td>"));
        Assert.That(_page, Does.Contain($"<td class=\"{HtmlReport.VerdictClass}\"><strong class=\"failure\">Refuted</strong></td>"));
        Assert.That(_page.IndexOf(HtmlReport.VerdictClass, StringComparison.Ordinal),
            Is.LessThan(_page.IndexOf("<h2", StringComparison.Ordinal)), "the table is above the first section");
    }

    [Test]
    public void What_holds_is_not_styled_as_a_failure()
    {
        Assert.That(_page, Does.Contain("<h3 id=\"supported-deeper-nets-overfit-more\">Supported: deeper nets overfit more</h3>"));
        Assert.That(_page, Does.Contain("<td>outlier (registered)</td>"), "a registered outlier is expected");
        Assert.That(Regex.Matches(_page, "<strong class=\"failure\">").Count, Is.EqualTo(6),
            "the headline, the claim against its registration in the claims table and in its section, one regression in the " +
            "summary and one in the baselines, and the claims' count in the summary");
    }

    [Test]
    public void A_missing_figure_is_a_visible_note_not_a_broken_image()
    {
        var directory = TestScratch.Path("harness-html-missing");
        try
        {
            var results = ReportFixture.Results();
            CopyFigures(directory);
            File.Delete(Path.Combine(directory, Figures.Folder, "gap-vs-layers.png"));

            var html = WithoutImageBytes(HtmlReport.Render(results, directory));

            Assert.That(html, Does.Contain($"<p class=\"{HtmlReport.FailureClass} {HtmlReport.MissingFigureClass}\">"));
            Assert.That(html,
                Does.Contain("<strong class=\"failure\">Figure gap-vs-layers.png was not drawn: " +
                    "figures/gap-vs-layers.png is missing.</strong>"));
            Assert.That(html, Does.Contain($"{HtmlReport.FigureAttribute}=\"curves_n-1000.png\""), "the other figure is still there");
            Assert.That(Regex.Matches(html, "<img ").Count, Is.EqualTo(1), "no broken image in its place");
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void The_default_writers_draw_the_figures_before_the_page_that_embeds_them()
    {
        var directory = TestScratch.Path("harness-html-writers");
        try
        {
            var (written, failures) = ReportWriters.Default.Write(ReportFixture.Results(), directory);

            Assert.That(failures, Is.Empty);
            Assert.That(written, Does.Contain(Path.Combine(directory, HtmlReport.FileName)));
            var html = WithoutImageBytes(File.ReadAllText(Path.Combine(directory, HtmlReport.FileName)));
            Assert.That(html, Does.Not.Contain(HtmlReport.MissingFigureClass));
            Assert.That(Regex.Matches(html, "<img src=\"data:image/png;base64,").Count, Is.EqualTo(2));
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void Rendering_twice_gives_the_same_bytes()
    {
        var second = HtmlReport.Render(ReportFixture.Results(), _directory);
        Assert.That(string.Equals(second, _html, StringComparison.Ordinal), "the page is a pure function of the results and the figures");
    }

    [Test]
    public void The_page_check_reports_what_is_missing_without_a_browser()
    {
        // Without a browser no load script has run: the check says so, rather than take an undecoded image as loaded.
        var problems =
            HtmlReportCheck.Problems(_html, ["deeper nets overfit more", "a claim the report never made"],
                ["curves_n-1000.png", "absent.png"]);

        Assert.That(problems, Is.EqualTo(new[]
        {
            "claim \"a claim the report never made\": not in the page's text",
            "figure curves_n-1000.png: the image did not load (data-loaded=absent: the page's load script did not run)",
            "figure absent.png: no image in the page",
        }));
    }

    private static string WithoutImageBytes(string html) => Regex.Replace(html, "base64,[A-Za-z0-9+/=]+", "base64,…");

    private void CopyFigures(string directory)
    {
        Directory.CreateDirectory(Path.Combine(directory, Figures.Folder));
        foreach (var file in Directory.GetFiles(Path.Combine(_directory, Figures.Folder)))
            File.Copy(file, Path.Combine(directory, Figures.Folder, Path.GetFileName(file)));
    }
}

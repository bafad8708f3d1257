using Harness.Report;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Harness.Tests.Unit.Report;

/// <summary>
/// The report of an experiment whose every text is hostile (<see cref="HostileText"/>) says what the benign one says, with
/// the hostile words as words: no markup of theirs in report.md, no element of theirs in report.html, no control character
/// of theirs in the conclusions block. The browser's view of the same page is in <see cref="HtmlReportBrowserTests"/>.
/// </summary>
public sealed class HostileReportTests
{
    // As GitHub reads report.md (a CI job summary, a pull request): raw HTML is markup there.
    private static readonly MarkdownPipeline GitHubLike = new MarkdownPipelineBuilder().UsePipeTables().Build();

    private string _directory = "";

    [SetUp]
    public void Folder() => _directory = TestScratch.Path("harness-hostile");

    [TearDown]
    public void Clean()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public void Report_md_holds_no_markup_but_the_harnesss_own()
    {
        var benign = Markdig.Markdown.Parse(MarkdownReport.Render(ReportFixture.Results()), GitHubLike);
        var hostile = Markdig.Markdown.Parse(MarkdownReport.Render(ReportFixture.Results(HostileText.All)), GitHubLike);

        Assert.That(Shape(hostile), Is.EqualTo(Shape(benign)),
            "the same blocks, links, images, emphasis and HTML, in the same order: the hostile words added none and broke none");
        Assert.That(hostile.Descendants<HtmlBlock>().Select(b => b.Lines.ToString()),
            Is.All.EqualTo("<details><summary>Evidence</summary>").Or.EqualTo("</details>"), "only the evidence's folding is HTML");
        Assert.That(hostile.Descendants<HtmlInline>(), Is.Empty);
    }

    [Test]
    public void Report_html_has_no_element_but_the_harnesss_own_and_no_inline_permission()
    {
        var results = ReportFixture.Results(HostileText.All);
        new Figures().Write(results, _directory);

        var html = HtmlReport.Render(results, _directory);

        Assert.That(HostileText.ForeignElements(html), Is.Empty);
        Assert.That(html, Does.Not.Contain("unsafe-inline").And.Not.Contain("unsafe-hashes"));
        Assert.That(HtmlReport.Policy,
            Does.Match("script-src 'sha256-[A-Za-z0-9+/=]+'; ").And.Match("style-src 'sha256-[A-Za-z0-9+/=]+'; "));
        Assert.That(html, Does.Contain("&lt;script&gt;document.documentElement.setAttribute"),
            "the hostile markup is on the page, as text a reader can see");
        Assert.That(html.Split("class=\"failure\"").Length, Is.EqualTo(
            HtmlReport.Render(ReportFixture.Results(), _directory).Split("class=\"failure\"").Length),
            "as many failure marks as the benign report: none forged, none lost");
    }

    [Test]
    public void The_conclusions_block_sends_no_control_character_and_forges_no_line()
    {
        var benign = ConclusionsBlock.Render(ReportFixture.Results());
        var hostile = ConclusionsBlock.Render(ReportFixture.Results(HostileText.All));

        Assert.That(hostile.Where(c => char.IsControl(c) && c != '\n'), Is.Empty);
        Assert.That(hostile, Does.Not.Contain("\u202e").And.Contain("\\x1B[2J").And.Contain("\\u202E"));
        Assert.That(hostile.Split('\n'), Has.Length.EqualTo(benign.Split('\n').Length), "a hostile text adds no line");
    }

    /// <summary>The document's structure, without its words: each block's and each inline's kind, in order.</summary>
    private static IReadOnlyList<string> Shape(MarkdownDocument document) =>
        [.. document.Descendants().Where(node => node is not LiteralInline and not LineBreakInline)
            .Select(node => node is HtmlBlock html ? $"HtmlBlock {html.Lines}" : node.GetType().Name)];
}

using Harness.IO;
using Harness.Report;
using Markdig;
using Markdig.Extensions.EmphasisExtras;

namespace Harness.Tests.Unit.Report;

/// <summary>
/// A value escaped by <see cref="MarkdownText"/> reads as itself and nothing else, under a renderer that does what GitHub does
/// with report.md (raw HTML allowed, tables, strikethrough, math, autolinks, footnotes): one paragraph of exactly its text.
/// </summary>
public sealed class MarkdownTextTests
{
    private static readonly MarkdownPipeline GitHubLike = new MarkdownPipelineBuilder()
        .UsePipeTables().UseEmphasisExtras(EmphasisExtraOptions.Strikethrough).UseAutoLinks().UseTaskLists().UseMathematics()
        .UseFootnotes().Build();

    private static IEnumerable<string> Values() =>
    [
        HostileText.Script, HostileText.ImageHandler, HostileText.Frame, HostileText.HideFailures, HostileText.Markdown,
        HostileText.Terminal, HostileText.All,
        "# a heading", "- an item", "+ an item", "* an item", "1. first", "12) twelfth", "===", "---", "***", "    indented code",
        "> a quote", "[a]: javascript:alert(1)", "[^1]", "- [ ] a task", "a  \nhard break\\", "*emphasis* _emphasis_ **strong**",
        "trailing #", "&amp; &#60;script&#62;", "<!-- a comment -->", "<https://example.com>", "a|b", "``` fence", "~~~ fence",
        "$$\nx\n$$", "ρ(layers, gap) = 1.00 [0.97, 1.00]", "P(gap[dropout=0.2] > gap[dropout=0])", "val_loss _x_ a_b_ _c",
    ];

    [TestCaseSource(nameof(Values))]
    public void A_value_inside_a_line_renders_as_its_own_text(string value)
    {
        var html = Markdig.Markdown.ToHtml($"The value: {MarkdownText.Escape(value)}", GitHubLike);

        Assert.That(html, Is.EqualTo($"<p>The value: {Encoded(PrintableText.Inline(value).TrimEnd())}</p>\n"));
    }

    [TestCaseSource(nameof(Values))]
    public void A_value_that_begins_a_line_or_a_list_item_renders_as_its_own_text(string value)
    {
        var text = Encoded(PrintableText.Inline(value).Trim());

        Assert.That(Markdig.Markdown.ToHtml(MarkdownText.Escape(value, blockStart: true), GitHubLike),
            Is.EqualTo(text.Length == 0 ? "" : $"<p>{text}</p>\n"));
        Assert.That(Markdig.Markdown.ToHtml($"- {MarkdownText.Escape(value, blockStart: true)}", GitHubLike),
            Is.EqualTo(text.Length == 0 ? "<ul>\n<li></li>\n</ul>\n" : $"<ul>\n<li>{text}</li>\n</ul>\n"));
    }

    [TestCaseSource(nameof(Values))]
    public void A_value_in_a_table_cell_stays_in_its_cell(string value)
    {
        var html = Markdig.Markdown.ToHtml($"| a | b |\n| --- | --- |\n| {MarkdownText.Escape(value)} | end |\n", GitHubLike);

        var text = Encoded(PrintableText.Inline(value).Trim());
        Assert.That(html, Does.Contain($"<td>{text}</td>\n<td>end</td>"));
    }

    [Test]
    public void Names_stay_readable_in_the_file()
    {
        Assert.That(MarkdownText.Escape("layers-1_dropout-0.2_n-1000_seed-6 val_loss 0.9840 (n = 1000)"),
            Is.EqualTo("layers-1_dropout-0.2_n-1000_seed-6 val_loss 0.9840 (n = 1000)"),
            "an underscore inside a word cannot open emphasis, and nothing else here means anything");
    }

    [Test]
    public void A_code_span_is_fenced_longer_than_any_backticks_inside()
    {
        Assert.That(MarkdownText.Code("fixture").Text, Is.EqualTo("`fixture`"));
        Assert.That(Markdig.Markdown.ToHtml($"name {MarkdownText.Code("a ``b`` <c>")}", GitHubLike),
            Is.EqualTo("<p>name <code>a ``b`` &lt;c&gt;</code></p>\n"));
        Assert.That(Markdig.Markdown.ToHtml($"name {MarkdownText.Code("`edge`")}", GitHubLike),
            Is.EqualTo("<p>name <code>`edge`</code></p>\n"));
    }

    [Test]
    public void Failures_are_marked_only_where_the_harness_marks_them()
    {
        var prose = Prose.Of($"{HostileText.Markdown} then {Prose.Failure("regressed __x__")} after");

        var html = Markdig.Markdown.ToHtml(MarkdownText.Of(prose), GitHubLike);

        Assert.That(html, Does.Contain(" then <strong>regressed __x__</strong> after"));
        Assert.That(html.Split("<strong>").Length - 1, Is.EqualTo(1), "one bold: the harness's failure mark, none forged");
    }

    /// <summary>Text as Markdig writes it into HTML.</summary>
    private static string Encoded(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
}

using System.Net;
using System.Security.Cryptography;
using System.Text;
using Harness.IO;
using Markdig;
using Markdig.Helpers;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Harness.Report;

/// <summary>
/// <c>report.html</c>: report.md for a browser, in one file that needs nothing else. The content is
/// <see cref="MarkdownReport.Render"/>'s, read by Markdig, so the two formats cannot say different things; this class only
/// makes the page self-contained (figures inlined as data URIs, CSS inline) and makes failures stand out.
/// Nothing on the page is anyone's markup but the harness's: Markdig passes no HTML through (every value in report.md is
/// escaped already, <see cref="MarkdownText"/>; this is the second wall), the evidence's folding is built here, and the
/// page's policy lets only its own style and its own script run, by their hashes, so neither an injected script nor an
/// injected style (one that hid the failures, say) would take effect even if it got in.
/// </summary>
internal sealed class HtmlReport : IReportWriter
{
    public const string FileName = "report.html";

    /// <summary>The class of every element that shows a failure (red); see <see cref="MarkdownReport"/>'s failure marks.</summary>
    public const string FailureClass = "failure";

    /// <summary>The class of the note that stands in for a figure whose file is missing.</summary>
    public const string MissingFigureClass = "missing-figure";

    /// <summary>On each inlined figure, its file name under <see cref="Figures.Folder"/>.</summary>
    public const string FigureAttribute = "data-figure";

    /// <summary>On each element that shows a failure, after load: whether the reader can see it (see <see cref="LoadScript"/>).</summary>
    public const string ShownAttribute = "data-shown";

    /// <summary>The class of each cell of the claims table that holds a claim's verdict (<see cref="ClaimsTable"/>).</summary>
    public const string VerdictClass = "claim-verdict";

    /// <summary>On each verdict cell, after load: whether the reader sees it without scrolling (see <see cref="LoadScript"/>).</summary>
    public const string FirstScreenAttribute = "data-first-screen";

    // Pipe tables for the report's tables, GitHub's heading ids so a section can be linked; nothing else. report.md is
    // written for GitHub's renderer, and extensions such as generic attributes or math would read meaning into `{` or `$`.
    // No raw HTML: a tag in report.md is shown as text.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .DisableHtml()
        .Build();

    public IReadOnlyList<string> Write(ExperimentResults results, string directory)
    {
        var path = Path.Combine(directory, FileName);
        AtomicFile.WriteAllText(path, Render(results, directory));
        return [path];
    }

    /// <summary>The page, with the figures read from <c><paramref name="directory"/>/figures/</c>.</summary>
    public static string Render(ExperimentResults results, string directory)
    {
        var markdown = MarkdownReport.Render(results);
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        FoldEvidence(document, markdown);
        MarkVerdicts(document);
        AlignByClass(document);
        InlineFigures(document, Path.Combine(directory, Figures.Folder));
        MarkFailures(document);
        return Page($"Reproduction: {PrintableText.Inline(results.Experiment.Title)}", document.ToHtml(Pipeline));
    }

    /// <summary>
    /// The lines of report.md that open and close a claim's evidence (<see cref="MarkdownReport.EvidenceOpens"/>) are
    /// paragraphs of text here, since no HTML passes; each becomes the element it stands for. Only a paragraph that is
    /// exactly such a line in the source qualifies, and no value can make one: a value is escaped and never begins a line.
    /// </summary>
    private static void FoldEvidence(MarkdownDocument document, string markdown)
    {
        foreach (var paragraph in document.Descendants<ParagraphBlock>().ToList())
        {
            var source = markdown.AsSpan(paragraph.Span.Start, paragraph.Span.Length);
            if (source.SequenceEqual(MarkdownReport.EvidenceOpens) || source.SequenceEqual(MarkdownReport.EvidenceCloses))
                Replace(paragraph, Element(source.ToString()));
        }
    }

    /// <summary>A block of the harness's own HTML.</summary>
    private static HtmlBlock Element(string html)
    {
        var block = new HtmlBlock(null) { Type = HtmlBlockType.InterruptingBlock };
        var line = new StringSlice(html);
        block.AppendLine(ref line, column: 0, line: 0, sourceLinePosition: 0, trackTrivia: false);
        return block;
    }

    private static void Replace(Block block, Block by)
    {
        var parent = block.Parent!;
        parent[parent.IndexOf(block)] = by;
    }

    /// <summary>
    /// The claims table is the first table, before any section (<see cref="MarkdownReport.Render"/> writes it under the
    /// title); each verdict cell gets <see cref="VerdictClass"/>, so the page's script can record whether it is in view.
    /// </summary>
    private static void MarkVerdicts(MarkdownDocument document)
    {
        var first = document.TakeWhile(b => b is not HeadingBlock { Level: 2 }).OfType<Table>().FirstOrDefault();
        if (first is null) return;
        foreach (var row in first.OfType<TableRow>().Where(r => !r.IsHeader))
            if (row.Count > ClaimsTable.VerdictColumn) row[ClaimsTable.VerdictColumn].GetAttributes().AddClass(VerdictClass);
    }

    /// <summary>
    /// A column's alignment as a class rather than the <c>style</c> attribute Markdig writes: the page's policy lets no
    /// inline style apply, only its one style sheet.
    /// </summary>
    private static void AlignByClass(MarkdownDocument document)
    {
        foreach (var table in document.Descendants<Table>())
        {
            foreach (var row in table.OfType<TableRow>())
                for (var i = 0; i < row.Count; i++)
                {
                    // As Markdig's renderer reads a cell's column: its own index when it has one, else its place in the row.
                    var column = row[i] is TableCell { ColumnIndex: >= 0 } cell ? cell.ColumnIndex : i;
                    if (column < table.ColumnDefinitions.Count && table.ColumnDefinitions[column].Alignment is { } align)
                        row[i].GetAttributes().AddClass($"align-{align.ToString().ToLowerInvariant()}");
                }
            foreach (var column in table.ColumnDefinitions) column.Alignment = null;
        }
    }

    /// <summary>
    /// Each image under figures/ becomes a data URI of its PNG, so the page travels alone (mail, CI artifact, another
    /// folder). A file that is not there becomes a note in red: a broken-image icon is too easy to miss.
    /// </summary>
    private static void InlineFigures(MarkdownDocument document, string folder)
    {
        var prefix = Figures.Folder + "/";
        var images = document.Descendants<LinkInline>()
            .Where(l => l.IsImage && l.Url?.StartsWith(prefix, StringComparison.Ordinal) == true).ToList();
        foreach (var image in images)
        {
            var file = image.Url![prefix.Length..];
            var path = Path.Combine(folder, file);
            if (File.Exists(path))
            {
                image.Url = "data:image/png;base64," + Convert.ToBase64String(File.ReadAllBytes(path));
                image.GetAttributes().AddProperty(FigureAttribute, file);
                continue;
            }
            // Bold with asterisks, styled here: it is the page's own note, not one of report.md's failure marks.
            var note = new EmphasisInline { DelimiterChar = '*', DelimiterCount = 2 };
            note.AppendChild(new LiteralInline($"Figure {file} was not drawn: {prefix}{file} is missing."));
            note.GetAttributes().AddClass(FailureClass);
            image.ReplaceBy(note, copyChildren: false);
            var paragraph = Holder(note).GetAttributes();
            paragraph.AddClass(FailureClass);
            paragraph.AddClass(MissingFigureClass);
        }
    }

    /// <summary>
    /// MarkdownReport spells every failure as bold with underscores; here that bold, the list item, table row or paragraph
    /// holding it, and the heading of the claim it belongs to get <see cref="FailureClass"/>.
    /// </summary>
    private static void MarkFailures(MarkdownDocument document)
    {
        var failures = document.Descendants<EmphasisInline>()
            .Where(e => e.DelimiterChar == MarkdownReport.FailureDelimiter && e.DelimiterCount == 2).ToList();
        foreach (var failure in failures)
        {
            failure.GetAttributes().AddClass(FailureClass);
            Holder(failure).GetAttributes().AddClass(FailureClass);
        }
        // A claim is a level-3 section; its heading is what a reader scans, so it shows a failure anywhere in the section.
        var holding = failures.Select(f => Ancestors(f).Last(b => b is not MarkdownDocument)).ToHashSet();
        HeadingBlock? claim = null;
        foreach (var block in document)
        {
            if (block is HeadingBlock heading) claim = heading.Level == 3 ? heading : null;
            else if (claim is not null && holding.Contains(block)) claim.GetAttributes().AddClass(FailureClass);
        }
    }

    /// <summary>The element a reader sees as one item: the list item or table row holding the inline, else its paragraph.</summary>
    private static Block Holder(Inline inline) => Ancestors(inline).FirstOrDefault(b => b is ListItemBlock or TableRow)
        ?? Ancestors(inline).First();

    /// <summary>The blocks around an inline, innermost (its paragraph or heading) first, the document last.</summary>
    private static IEnumerable<Block> Ancestors(Inline inline)
    {
        var root = inline;
        while (root.Parent is { } parent) root = parent;
        for (Block? block = ((ContainerInline)root).ParentBlock; block is not null; block = block.Parent) yield return block;
    }

    private static string Page(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        {NoRequests}
        <link rel="icon" href="data:,">
        <title>{WebUtility.HtmlEncode(title)}</title>
        <style>{Style}</style>
        </head>
        <body>
        {body}<script>{LoadScript}</script>
        </body>
        </html>

        """;

    /// <summary>
    /// The page's policy. The browser itself refuses any request the page might make (fonts, images, scripts from elsewhere):
    /// self-contained is enforced, not just intended. Only the page's own style sheet and script apply, named by their SHA-256
    /// (no <c>'unsafe-inline'</c>): no other script, event handler, <c>javascript:</c> link, style element or style attribute
    /// takes effect, nor can a <c>&lt;base&gt;</c> or a form send the reader elsewhere. The favicon is an empty data URI so
    /// the browser does not go looking for one.
    /// </summary>
    public static string Policy { get; } =
        $"default-src 'none'; img-src data:; style-src '{Hash(Style)}'; script-src '{Hash(LoadScript)}'; base-uri 'none'; " +
        "form-action 'none'";

    private static readonly string NoRequests = $"""<meta http-equiv="Content-Security-Policy" content="{Policy}">""";

    // After load, each image says whether it decoded, each failure whether it is shown (rendered, not transparent, not
    // hidden) and each claim's verdict whether it is in the first screen: inside the window, and the element the browser
    // finds at its centre (so not scrolled out of its table nor covered). A headless browser's DOM dump then shows a broken
    // figure, a failure kept from the reader or a verdict one must scroll to; the window's size is recorded beside them.
    private const string LoadScript =
        "addEventListener('load', () => { for (const img of document.images) img.dataset.loaded = String(img.complete " +
        "&& img.naturalWidth > 0); for (const failure of document.querySelectorAll('." + FailureClass + "')) " +
        "failure.dataset.shown = String(failure.checkVisibility({ opacityProperty: true, visibilityProperty: true })); " +
        "document.documentElement.dataset.viewport = innerWidth + 'x' + innerHeight; " +
        "for (const cell of document.querySelectorAll('." + VerdictClass + "')) { const r = cell.getBoundingClientRect(); " +
        "const at = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2); " +
        "cell.dataset.firstScreen = String(r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight " +
        "&& r.right <= innerWidth && at !== null && cell.contains(at)); } });";

    private static string Hash(string inline) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)));

    private const string Style = """

        body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; max-width: 64rem; margin: 2rem auto; padding: 0 1rem; }
        h1, h2 { border-bottom: 1px solid #d0d7de; padding-bottom: .3em; }
        h3 { margin-top: 2rem; }
        table { border-collapse: collapse; margin: 1rem 0; display: block; overflow-x: auto; }
        th, td { border: 1px solid #d0d7de; padding: .3rem .7rem; }
        th { background: #f6f8fa; }
        tr:nth-child(even) td { background: #f9fafb; }
        code { font: .9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #eff1f3; padding: .1em .3em; border-radius: 4px; }
        blockquote { margin: 0 0 1rem; padding: 0 1em; color: #59636e; border-left: .25em solid #d0d7de; }
        details { margin: .5rem 0 1.5rem; }
        summary { cursor: pointer; color: #0969da; }
        img { max-width: 100%; height: auto; display: block; margin: .5rem 0; }
        .align-right { text-align: right; }
        .align-center { text-align: center; }
        .failure { color: #b3261e; }
        p.failure, li.failure, tr.failure td { background: #fdecea; }
        p.failure { padding: .3rem .6rem; border-left: 4px solid #b3261e; }

        """;
}

using System.Text;
using Harness.IO;

namespace Harness.Report;

/// <summary>
/// Text as Markdown that reads as that text and nothing else: an experiment's title, a claim's statement, a run's name. Every
/// character that Markdown or the HTML it may carry would read as structure is escaped with a backslash (CommonMark lets any
/// ASCII punctuation be), so <c>&lt;script&gt;</c> stays words, <c>__x__</c> cannot mark a failure, <c>|</c> cannot split a
/// table cell and <c>[x](javascript:…)</c> is no link, on GitHub, in a CI job summary and in report.html alike. Control
/// characters are shown as escapes (<see cref="PrintableText"/>) and line breaks become spaces, so a value never begins a
/// line the harness did not begin.
/// </summary>
internal static class MarkdownText
{
    /// <summary>
    /// <paramref name="text"/> escaped. <paramref name="blockStart"/>: it begins a block (a line, or a list item's or a quote's
    /// content), where a leading <c>-</c>, <c>+</c>, <c>=</c> or <c>1.</c> would start a list, a heading or a rule; it is
    /// escaped there too, and leading spaces (an indented code block) are dropped.
    /// </summary>
    public static string Escape(string text, bool blockStart = false)
    {
        var flat = PrintableText.Inline(text);
        if (blockStart) flat = flat.TrimStart(' ');
        var escaped = new StringBuilder(flat.Length + 8);
        for (var i = 0; i < flat.Length; i++)
        {
            var c = flat[i];
            if (AlwaysEscaped(c) || c == '_' && !Intraword(flat, i) || blockStart && i == LeadingMarker(flat)) escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> as a code span, fenced with more backticks than any run of them inside it, as CommonMark
    /// allows, since a backslash escapes nothing there. Not for a table cell: GitHub splits a cell at a <c>|</c> even in code.
    /// </summary>
    public static Markdown Code(string text)
    {
        var flat = PrintableText.Inline(text);
        var longest = 0;
        for (int i = 0, run = 0; i < flat.Length; i++) longest = Math.Max(longest, run = flat[i] == '`' ? run + 1 : 0);
        var fence = new string('`', longest + 1);
        var pad = flat.StartsWith('`') || flat.EndsWith('`') ? " " : "";
        return new Markdown($"{fence}{pad}{flat}{pad}{fence}");
    }

    /// <summary>Words with their failures marked as report.md marks them (<see cref="MarkdownReport.Failure"/>), the rest
    /// escaped.</summary>
    public static string Of(Prose prose, bool blockStart = false) =>
        string.Concat(prose.Spans.Select((span, i) =>
            span.Failure ? MarkdownReport.Failure(span.Text).Text : Escape(span.Text, blockStart && i == 0)));

    /// <summary>
    /// Punctuation with a meaning anywhere in a line: emphasis, code, links and images, raw HTML and entities, table cells,
    /// hard breaks, GitHub's strikethrough and math, and a heading's closing <c>#</c>s.
    /// </summary>
    private static bool AlwaysEscaped(char c) => c is '\\' or '`' or '*' or '[' or ']' or '<' or '>' or '&' or '|' or '!' or '~'
        or '$' or '#';

    /// <summary>An underscore between two letters or digits (<c>val_loss</c>) can neither open nor close emphasis, so it is
    /// left as it is: run names stay readable in the file.</summary>
    private static bool Intraword(string text, int i) =>
        i > 0 && i < text.Length - 1 && char.IsLetterOrDigit(text[i - 1]) && char.IsLetterOrDigit(text[i + 1]);

    /// <summary>
    /// Where the character that would make the start of a block a list item, a setext heading's underline or a rule is: the
    /// <c>-</c>, <c>+</c> or <c>=</c> that begins it, or the <c>.</c> or <c>)</c> after an ordered list's number; -1 if none.
    /// (<c>#</c>, <c>&gt;</c>, <c>*</c>, <c>_</c>, <c>`</c> and <c>~</c> are escaped wherever they are.)
    /// </summary>
    private static int LeadingMarker(string text)
    {
        if (text.Length == 0) return -1;
        if (text[0] is '-' or '+' or '=') return 0;
        var digits = 0;
        while (digits < text.Length && digits < 10 && char.IsAsciiDigit(text[digits])) digits++;
        return digits is > 0 and < 10 && digits < text.Length && text[digits] is '.' or ')' ? digits : -1;
    }
}

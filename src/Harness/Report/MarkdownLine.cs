using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Harness.Report;

/// <summary>
/// A line of report.md as an interpolated string: its literal parts are the harness's markup, written as they are; every value
/// is text and escaped (<see cref="MarkdownText"/>), numbers formatted invariantly; a <see cref="Markdown"/> value is markup the
/// harness made, and a <see cref="Prose"/> keeps its failures marked. So markup comes only from the harness's own literals,
/// and forgetting to escape a value is not possible: <c>md.Line($"### {verdict}: {claim.Statement}")</c>.
/// </summary>
[InterpolatedStringHandler]
internal readonly ref partial struct MarkdownLine
{
    private readonly StringBuilder _text;

    public MarkdownLine(int literalLength, int formattedCount) => _text = new StringBuilder(literalLength + formattedCount * 16);

    public void AppendLiteral(string markup) => _text.Append(markup);

    public void AppendFormatted(Markdown markdown) => _text.Append(markdown.Text);

    public void AppendFormatted(Prose prose) => _text.Append(MarkdownText.Of(prose, AtBlockStart()));

    public void AppendFormatted<T>(T value, string? format = null) =>
        _text.Append(MarkdownText.Escape(value is IFormattable f ? f.ToString(format, CultureInfo.InvariantCulture) : $"{value}",
            AtBlockStart()));

    public override string ToString() => _text.ToString();

    /// <summary>Whether what comes next begins a block: nothing but indentation and list or quote markers before it.</summary>
    private bool AtBlockStart()
    {
        var text = _text.ToString();
        return BlockPrefix().IsMatch(text[(text.LastIndexOf('\n') + 1)..]);
    }

    [GeneratedRegex(@"^ *(?:(?:[-*+>]|[0-9]{1,9}[.)]) +)*$")]
    private static partial Regex BlockPrefix();
}

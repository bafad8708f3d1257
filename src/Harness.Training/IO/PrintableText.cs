using System.Globalization;
using System.Text;

namespace Harness.IO;

/// <summary>
/// Text from an experiment's files made safe to print on a terminal or in a log: a title, a claim's statement or a name can
/// hold anything JSON can, and an escape sequence in it would move the cursor, recolour or rewrite what the harness printed
/// before it (a forged "✓ Supported" line, say). Control characters are shown as escapes (<c>\x1B</c>), never sent;
/// so are the invisible characters that reorder or hide text (bidirectional overrides and isolates, zero-width marks).
/// </summary>
internal static class PrintableText
{
    /// <summary>
    /// One line's worth: a line break, a tab or a carriage return becomes a space (a statement wrapped in its JSON reads the
    /// same), so the text can never start a line of its own; every other control or invisible character becomes its escape.
    /// </summary>
    public static string Inline(string text) => Escape(text, keepLineBreaks: false);

    /// <summary>As <see cref="Inline"/>, but line feeds are kept: for whole lines the harness wrote (an error, a block).</summary>
    public static string Lines(string text) => Escape(text, keepLineBreaks: true);

    /// <summary>Whether <paramref name="c"/> is shown as an escape rather than printed.</summary>
    public static bool IsHidden(char c) =>
        char.IsControl(c) // C0, DEL and C1: ESC and CSI among them
        || c is '\u200B' or '\u200E' or '\u200F' or '\u2028' or '\u2029' or '\u2060' or '\uFEFF' // zero-width, marks, separators
        || c is >= '\u202A' and <= '\u202E' // bidirectional embeddings and overrides
        || c is >= '\u2066' and <= '\u2069'; // bidirectional isolates

    private static string Escape(string text, bool keepLineBreaks)
    {
        if (!text.Any(IsHidden)) return text;
        var safe = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c == '\n' && keepLineBreaks) safe.Append(c);
            else if (c is '\n' or '\r' or '\t') safe.Append(' ');
            else if (!IsHidden(c)) safe.Append(c);
            else safe.Append(c <= '\u00FF' ? Invariant($"\\x{(int)c:X2}") : Invariant($"\\u{(int)c:X4}"));
        }
        return safe.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Text;
using Harness.IO;

namespace Harness.Cli;

/// <summary>
/// The console as the commands write to it: every control character but the line feed is shown as an escape, never sent
/// (<see cref="PrintableText.Lines"/>). Commands print what experiments say (titles, statements, names, the values an error
/// quotes); this is the one place that keeps an escape sequence in any of them from reaching the terminal. The live progress
/// display, which moves the cursor on purpose, writes to the terminal itself (Program.cs).
/// </summary>
internal sealed class PrintableWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override string NewLine
    {
        get => inner.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine's setter takes null as "the default", as the inner writer does
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value)
    {
        if (value == '\n' || !PrintableText.IsHidden(value)) inner.Write(value);
        else inner.Write(PrintableText.Lines(value.ToString()));
    }

    public override void Write(string? value) => inner.Write(value is null ? null : PrintableText.Lines(value));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => inner.WriteLine(value is null ? null : PrintableText.Lines(value));

    public override void Flush() => inner.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Flush();
        base.Dispose(disposing);
    }
}

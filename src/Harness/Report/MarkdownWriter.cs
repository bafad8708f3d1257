using System.Text;

namespace Harness.Report;

/// <summary>report.md as it is written, line by line: each line a <see cref="MarkdownLine"/>, so every value in it is escaped.</summary>
internal sealed class MarkdownWriter
{
    private readonly StringBuilder _text = new();

    public MarkdownWriter Line(MarkdownLine line)
    {
        _text.Append(line.ToString()).Append('\n');
        return this;
    }

    /// <summary>An empty line: the end of a paragraph, a list or a table.</summary>
    public MarkdownWriter Line()
    {
        _text.Append('\n');
        return this;
    }

    /// <summary>A block the harness built (<see cref="Markdown"/>), put in as it is.</summary>
    public MarkdownWriter Block(Markdown block)
    {
        _text.Append(block.Text);
        return this;
    }

    public Markdown ToMarkdown() => new(_text.ToString());

    public override string ToString() => _text.ToString();
}

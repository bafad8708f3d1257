namespace Harness.Report;

/// <summary>
/// Markdown the harness wrote, to be put into report.md as it is: its own marks (a failure, a heading), and fragments built
/// with <see cref="MarkdownLine"/>, whose values were escaped. Anything else that reaches report.md is text and is escaped
/// (<see cref="MarkdownText"/>), so only code that means to make markup makes one of these.
/// </summary>
internal readonly record struct Markdown(string Text)
{
    public override string ToString() => Text;
}

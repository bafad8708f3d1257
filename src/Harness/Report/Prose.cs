namespace Harness.Report;

/// <summary>
/// Words of a report in which some spans are failures: a summary item, a claim's standing. Each format marks the failures
/// its own way and escapes every word for itself (report.md: bold that report.html styles red, <see cref="MarkdownText.Of"/>;
/// the console: plain, <see cref="Plain"/>), so no text, the experiment's or the harness's, can mark or unmark a failure.
/// Built as an interpolated string: <c>Prose.Of($"{n} {Prose.Failure("regressed")}: {names}.")</c>.
/// </summary>
internal sealed class Prose
{
    private Prose(IReadOnlyList<ProseSpan> spans) => Spans = spans;

    public IReadOnlyList<ProseSpan> Spans { get; }

    /// <summary>The words, failures unmarked, nothing escaped: for text that is printed as it is.</summary>
    public string Plain => string.Concat(Spans.Select(s => s.Text));

    public static Prose Of(ProseBuilder text) => new(text.Spans);

    public static Prose Text(string text) => new([new ProseSpan(text, Failure: false)]);

    /// <summary>Words that say something failed.</summary>
    public static Prose Failure(string text) => new([new ProseSpan(text, Failure: true)]);

    /// <summary><paramref name="text"/> as a failure when <paramref name="failed"/>, else as it is.</summary>
    public static Prose FailureIf(bool failed, string text) => failed ? Failure(text) : Text(text);

    public static Prose Join(string separator, IEnumerable<Prose> parts)
    {
        var spans = new List<ProseSpan>();
        foreach (var part in parts)
        {
            if (spans.Count > 0) spans.Add(new ProseSpan(separator, Failure: false));
            spans.AddRange(part.Spans);
        }
        return new Prose(spans);
    }

    public static Prose operator +(Prose first, Prose second) => new([.. first.Spans, .. second.Spans]);

    public override string ToString() => Plain;
}

/// <summary>A run of words of a <see cref="Prose"/>, a failure or not.</summary>
internal readonly record struct ProseSpan(string Text, bool Failure);

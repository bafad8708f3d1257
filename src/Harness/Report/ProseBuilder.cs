using System.Globalization;
using System.Runtime.CompilerServices;

namespace Harness.Report;

/// <summary>
/// Builds a <see cref="Prose"/> from an interpolated string: the literal parts and the values are words (numbers formatted
/// invariantly), and a <see cref="Prose"/> value keeps its failures.
/// </summary>
[InterpolatedStringHandler]
internal readonly ref struct ProseBuilder
{
    private readonly List<ProseSpan> _spans;

    public ProseBuilder(int literalLength, int formattedCount) => _spans = new List<ProseSpan>(formattedCount * 2 + 1);

    internal IReadOnlyList<ProseSpan> Spans => _spans;

    public void AppendLiteral(string text) => _spans.Add(new ProseSpan(text, Failure: false));

    public void AppendFormatted(Prose prose) => _spans.AddRange(prose.Spans);

    public void AppendFormatted<T>(T value, string? format = null) =>
        _spans.Add(new ProseSpan(value is IFormattable f ? f.ToString(format, CultureInfo.InvariantCulture) : $"{value}", Failure: false));
}

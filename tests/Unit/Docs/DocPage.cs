using System.Text.RegularExpressions;

namespace Harness.Tests.Unit.Docs;

/// <summary>
/// A page of the user's documentation (README.md, or a page under docs/) and its fenced code blocks, each with the marker
/// on the line above it, if any: <c>&lt;!-- snippet: PATH --&gt;</c> says the block is that file (or, with
/// <c>PATH#/json/pointer</c>, that value of a JSON file), which <see cref="DocsExamplesTests"/> checks and can rewrite.
/// </summary>
internal sealed partial record DocPage(string Path, string RelativePath, IReadOnlyList<CodeBlock> Blocks)
{
    public static readonly string Root = Harness.Config.ExperimentFiles.Repository.Root();

    /// <summary>README.md and every Markdown page under docs/, in a stable order.</summary>
    public static IReadOnlyList<DocPage> All() =>
        [.. new[] { System.IO.Path.Combine(Root, "README.md") }
            .Concat(Directory.EnumerateFiles(System.IO.Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal))
            .Select(Read)];

    public static DocPage Read(string path)
    {
        var lines = File.ReadAllText(path).Split('\n');
        var blocks = new List<CodeBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success) continue;
            var close = Array.FindIndex(lines, i + 1, l => l.TrimEnd() == open.Groups["fence"].Value);
            if (close < 0) throw new InvalidDataException($"{path}:{i + 1}: a code block that is never closed");
            var marker = i > 0 ? Marker().Match(lines[i - 1]) : Match.Empty;
            blocks.Add(new CodeBlock(i + 1, open.Groups["language"].Value, string.Join("\n", lines[(i + 1)..close]),
                marker.Success ? marker.Groups["source"].Value : null));
            i = close;
        }
        return new DocPage(path, System.IO.Path.GetRelativePath(Root, path), blocks);
    }

    /// <summary>Each Markdown link outside code, with its line: <c>[text](target)</c>.</summary>
    public IEnumerable<(int Line, string Target)> Links() =>
        Prose().SelectMany(l => Link().Matches(l.Text).Select(m => (l.Line, m.Groups["target"].Value)));

    /// <summary>The anchors GitHub gives the page's headings: lower case, punctuation dropped, spaces as hyphens.</summary>
    public IReadOnlySet<string> Anchors() =>
        Prose().Select(l => Heading().Match(l.Text)).Where(m => m.Success)
            .Select(m => Regex.Replace(m.Groups["title"].Value.Trim().ToLowerInvariant(), @"[^\w\- ]", "").Replace(' ', '-'))
            .ToHashSet();

    /// <summary>The page's lines outside code blocks, numbered from 1.</summary>
    private IEnumerable<(int Line, string Text)> Prose()
    {
        var lines = File.ReadAllText(Path).Split('\n');
        var code = Blocks.SelectMany(b => Enumerable.Range(b.Line, b.Text.Split('\n').Length + 2)).ToHashSet();
        return lines.Select((text, i) => (Line: i + 1, Text: text)).Where(l => !code.Contains(l.Line));
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#+ (?<title>.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?<fence>```+)(?<language>[\w-]*)\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^<!-- snippet: (?<source>\S+) -->\s*$")]
    public static partial Regex Marker();
}

/// <summary>A fenced block: the line its fence opens on, its language, its text, and the snippet it says it is.</summary>
internal sealed record CodeBlock(int Line, string Language, string Text, string? Snippet)
{
    public bool IsShell => Language is "bash" or "sh" or "shell";
}

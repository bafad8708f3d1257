using System.Text.RegularExpressions;

namespace Harness.Tests.Unit;

/// <summary>
/// Every C# line under <c>src/</c> and <c>tests/</c> fits the <c>max_line_length</c> of the repository's .editorconfig: lines
/// past it hide how big a file is. The content lines of a multi-line raw string literal (JSON and CSS fixtures) are exempt,
/// since wrapping them would change the text; every other line, including a raw string's opening and closing lines, counts.
/// </summary>
public sealed partial class LineLengthTests
{
    private static readonly string Root = Harness.Config.ExperimentFiles.Repository.Root();

    /// <summary>
    /// A line that opens a multi-line raw string literal: its delimiter (three or more quotes, after any <c>$</c>) ends the
    /// line and follows what can precede an expression, so a single-line literal's closing quotes never match.
    /// </summary>
    [GeneratedRegex(@"(?:^|[\s(\[=,+:])\$*(""{3,})\s*$")]
    private static partial Regex RawOpening();

    [Test]
    public void Every_cs_line_fits_the_editorconfig_max_line_length()
    {
        var limit = MaxLineLength(File.ReadAllLines(Path.Combine(Root, ".editorconfig")));
        var tooLong = new List<string>();
        foreach (var file in SourceFiles())
        {
            var lines = File.ReadAllLines(file);
            var exempt = RawStringContent(lines);
            for (var i = 0; i < lines.Length; i++)
                if (lines[i].Length > limit && !exempt.Contains(i))
                    tooLong.Add($"{Path.GetRelativePath(Root, file)}:{i + 1} ({lines[i].Length} chars)");
        }
        Assert.That(tooLong, Is.Empty, $"lines longer than max_line_length = {limit}:\n" + string.Join("\n", tooLong));
    }

    [Test]
    public void Only_the_content_lines_of_a_multi_line_raw_string_are_exempt()
    {
        string[] lines =
        [
            "var json = \"\"\"",
            "    { \"long\": 1 }",
            "    \"\"\";",
            "var one = \"\"\"{ \"single\": 1 }\"\"\";",
            "Check(\"\"\"{ \"single\": 2 }\"\"\"",
            "var quadruple = \"\"\"\"",
            "    \"\"\" inside",
            "    \"\"\"\";",
        ];
        Assert.That(RawStringContent(lines), Is.EquivalentTo(new[] { 1, 6 }));
    }

    /// <summary>The <c>max_line_length</c> of the <c>[*.cs]</c> section.</summary>
    private static int MaxLineLength(IEnumerable<string> editorconfig)
    {
        string? section = null;
        foreach (var line in editorconfig.Select(l => l.Trim()))
        {
            if (line.StartsWith('[')) section = line;
            else if (section == "[*.cs]" && line.Split('=', 2) is [var key, var value] && key.Trim() == "max_line_length")
                return int.Parse(value.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        Assert.Fail(".editorconfig has no max_line_length in its [*.cs] section");
        return 0;
    }

    private static IEnumerable<string> SourceFiles() =>
        new[] { "src", "tests" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !Path.GetRelativePath(Root, path).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// The indices of the lines strictly inside multi-line raw string literals: after a line ending in an opening delimiter,
    /// up to the line that starts (after indentation) with the same number of quotes, which closes it.
    /// </summary>
    private static HashSet<int> RawStringContent(IReadOnlyList<string> lines)
    {
        var content = new HashSet<int>();
        string? closing = null;
        for (var i = 0; i < lines.Count; i++)
        {
            if (closing is not null)
            {
                var rest = lines[i].TrimStart();
                if (rest.StartsWith(closing, StringComparison.Ordinal) && !rest.StartsWith(closing + "\"", StringComparison.Ordinal))
                    closing = null;
                else content.Add(i);
            }
            else if (RawOpening().Match(lines[i]) is { Success: true } opening) closing = opening.Groups[1].Value;
        }
        return content;
    }
}

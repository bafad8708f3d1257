using System.Net;
using System.Text.RegularExpressions;
using Harness.Report;

namespace Harness.Tests;

/// <summary>
/// What a reader of report.html sees, checked on the DOM a browser dumped after load (<see cref="Browser.DumpDom"/>): every
/// claim's statement in the text, every figure an image that decoded. Returns the problems, so a test asserts the list is
/// empty and its message names each thing missing.
/// </summary>
internal static partial class HtmlReportCheck
{
    public static IReadOnlyList<string> Problems(string dom, IEnumerable<string> claimStatements, IEnumerable<string> figureFiles)
    {
        var problems = new List<string>();
        var text = VisibleText(dom);
        foreach (var statement in claimStatements)
            if (!text.Contains(Collapse(statement), StringComparison.Ordinal))
                problems.Add($"claim \"{statement}\": not in the page's text");

        var images = ImageTag().Matches(dom).Select(m => Attributes(m.Value)).ToList();
        foreach (var file in figureFiles)
        {
            var image = images.FirstOrDefault(a => a.GetValueOrDefault(HtmlReport.FigureAttribute) == file);
            if (image is null)
                problems.Add($"figure {file}: no image in the page");
            else if (image.GetValueOrDefault("data-loaded") is not "true")
                problems.Add($"figure {file}: the image did not load " +
                    $"(data-loaded={image.GetValueOrDefault("data-loaded") ?? "absent: the page's load script did not run"})");
        }
        return problems;
    }

    /// <summary>The text a reader sees: tags, scripts and styles dropped, entities decoded, white space collapsed.</summary>
    private static string VisibleText(string dom) =>
        Collapse(WebUtility.HtmlDecode(Tag().Replace(ScriptOrStyle().Replace(dom, " "), " ")));

    private static string Collapse(string text) => Space().Replace(text, " ").Trim();

    private static Dictionary<string, string> Attributes(string tag) =>
        Attribute().Matches(tag)
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value), StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"<img\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ImageTag();

    // Browsers serialise every attribute value in double quotes.
    [GeneratedRegex(@"([\w-]+)=""([^""]*)""")]
    private static partial Regex Attribute();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}

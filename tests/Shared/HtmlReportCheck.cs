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

    /// <summary>
    /// Whether each claim's verdict is in the first screen (<see cref="Browser.Width"/> × <see cref="Browser.Height"/>), as the
    /// page's script found after load (<see cref="HtmlReport.FirstScreenAttribute"/>): for each statement, a row of the claims
    /// table that names it and whose verdict cell is in view. Returns the problems, one per claim.
    /// </summary>
    public static IReadOnlyList<string> FirstScreen(string dom, IEnumerable<string> claimStatements)
    {
        var rows = Row().Matches(dom).Select(m => m.Value)
            .Select(row => (Text: VisibleText(row), Verdict: VerdictCell().Match(row)))
            .Where(row => row.Verdict.Success).ToList();
        var problems = new List<string>();
        // A first screen of another size proves nothing: the browser must have shown the page at the size the check means.
        var viewport = Attributes(Regex.Match(dom, @"<html\b[^>]*>").Value).GetValueOrDefault("data-viewport");
        if (viewport != $"{Browser.Width}x{Browser.Height}")
            problems.Add($"the page was shown at {viewport ?? "an unrecorded size"}, not {Browser.Width}x{Browser.Height}");
        foreach (var statement in claimStatements)
        {
            var row = rows.FirstOrDefault(r => r.Text.Contains(Collapse(statement), StringComparison.Ordinal));
            if (row.Text is null)
                problems.Add($"claim \"{statement}\": no row of the claims table");
            else if (Attributes(row.Verdict.Value).GetValueOrDefault(HtmlReport.FirstScreenAttribute) is var seen and not "true")
                problems.Add($"claim \"{statement}\": its verdict is not in the first {Browser.Width}×{Browser.Height} screen " +
                    $"({HtmlReport.FirstScreenAttribute}={seen ?? "absent: the load script did not run"})");
        }
        return problems;
    }

    /// <summary>
    /// What a hostile experiment's text could have done to the page, read from the DOM after load: a script of its own that
    /// ran (it marks the page, <see cref="HostileText.Marker"/>), an element of its own, or a failure the reader cannot see
    /// (the page's script records each failure's visibility in <see cref="HtmlReport.ShownAttribute"/>).
    /// </summary>
    public static IReadOnlyList<string> Tampering(string dom)
    {
        var problems = new List<string>();
        var root = Regex.Match(dom, @"<html\b[^>]*>").Value;
        if (Attributes(root).TryGetValue(HostileText.Marker, out var probe)) problems.Add($"a script ran: the {probe} probe's");
        problems.AddRange(HostileText.ForeignElements(dom));
        var failures = Regex.Matches(dom, $@"<[a-z0-9]+\b[^>]*\bclass=""[^""]*\b{HtmlReport.FailureClass}\b[^>]*>")
            .Select(m => m.Value).ToList();
        if (failures.Count == 0) problems.Add("no failure is marked on the page");
        problems.AddRange(failures.Where(tag => Attributes(tag).GetValueOrDefault(HtmlReport.ShownAttribute) is not "true")
            .Select(tag => $"a failure the reader cannot see ({HtmlReport.ShownAttribute}=" +
                $"{Attributes(tag).GetValueOrDefault(HtmlReport.ShownAttribute) ?? "absent: the page's load script did not run"}): {tag}"));
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

    [GeneratedRegex(@"<tr\b.*?</tr>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Row();

    [GeneratedRegex($@"<td\b[^>]*\bclass=""[^""]*\b{HtmlReport.VerdictClass}\b[^>]*>")]
    private static partial Regex VerdictCell();

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

using System.Text.RegularExpressions;

namespace Harness.Tests;

/// <summary>
/// What someone else's experiment folder could put in any of its texts to make a report lie: markup that runs a script (each
/// marks the page with <see cref="Marker"/> when it runs, so a browser's DOM shows it did), a style that hides every failure,
/// Markdown that would forge or break the report's structure, and characters a terminal obeys.
/// </summary>
internal static partial class HostileText
{
    /// <summary>The attribute a probe's script sets on the page's root element, naming the probe.</summary>
    public const string Marker = "data-pwned";

    public const string Script = $"<script>document.documentElement.setAttribute('{Marker}', 'script')</script>";

    public const string ImageHandler = $"<img src=x onerror=\"document.documentElement.setAttribute('{Marker}', 'img')\">";

    public const string Frame =
        $"<iframe srcdoc=\"<script>parent.document.documentElement.setAttribute('{Marker}', 'iframe')</script>\"></iframe>";

    /// <summary>Would make a failing reproduction look clean.</summary>
    public const string HideFailures = "<style>.failure, p, li, h3 { display: none !important }</style>";

    /// <summary>Markdown that would mark a failure, link to a script, start a heading, split a table cell or close the
    /// evidence early, if it were read as Markdown.</summary>
    public const string Markdown =
        $"__forged failure__ [link](javascript:document.documentElement.setAttribute('{Marker}','link')) ![x](figures/x.png)" +
        " | cell | \n# forged heading\n- forged item\n</details><details><summary>Evidence</summary> &lt;b&gt; `code` $x$ ~~gone~~";

    /// <summary>An escape sequence that clears the screen and turns text red, a carriage return, and a right-to-left override.</summary>
    public const string Terminal = "\u001b[2J\u001b[31m red\r✓ Supported \u202egnp.exe";

    public static readonly string All = $" {Script} {ImageHandler} {Frame} {HideFailures} {Markdown} {Terminal}";

    /// <summary>The elements no report may have beyond its own: its one script and one style, and images only of its figures.</summary>
    public static IReadOnlyList<string> ForeignElements(string html)
    {
        var found = new List<string>();
        var scripts = Element("script").Matches(html).Count;
        var styles = Element("style").Matches(html).Count;
        if (scripts != 1) found.Add($"{scripts} <script> elements (the page's own is one)");
        if (styles != 1) found.Add($"{styles} <style> elements (the page's own is one)");
        string[] others = ["iframe", "object", "embed", "link rel=\"stylesheet\"", "base", "form", "meta http-equiv=\"refresh\""];
        foreach (var name in others)
            if (Element(name).IsMatch(html)) found.Add($"a <{name}> element");
        found.AddRange(Image().Matches(html).Select(m => m.Value).Where(tag => !tag.Contains("data-figure=", StringComparison.Ordinal)
            || !tag.Contains("src=\"data:image/png;base64,", StringComparison.Ordinal))
            .Select(tag => $"an image that is not a figure: {tag}"));
        found.AddRange(Handler().Matches(html).Select(m => $"an event handler attribute: {m.Value}"));
        found.AddRange(ScriptUrl().Matches(html).Select(m => $"a javascript: URL: {m.Value}"));
        if (html.Contains(" style=\"", StringComparison.Ordinal)) found.Add("a style attribute");
        return found;
    }

    private static Regex Element(string name) => new($"<{Regex.Escape(name)}\\b", RegexOptions.IgnoreCase);

    [GeneratedRegex(@"<img\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Image();

    [GeneratedRegex(@"<[^>]*\son\w+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex Handler();

    [GeneratedRegex(@"(?:href|src)\s*=\s*""?\s*javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptUrl();
}

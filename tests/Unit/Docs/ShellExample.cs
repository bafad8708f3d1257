using System.Text.RegularExpressions;
using Harness.Baselines;
using Harness.Claims;
using Harness.Cli;
using Harness.Config;
using Harness.NUnit;

namespace Harness.Tests.Unit.Docs;

/// <summary>
/// Checks a shell block of the documentation command by command, against the real thing:
/// <list type="bullet">
/// <item>a <c>harness</c> command (also as <c>~/.harness/harness</c> or <c>dotnet run --project src/Harness.Cli -c Release --</c>)
/// is parsed by the tool's own command line and must have no usage error;</item>
/// <item><c>dotnet test</c> may take a <c>--filter</c> whose categories, claims and names exist;</item>
/// <item>a variable set in front of a command must be one the code reads;</item>
/// <item>any other command must be one a CI script runs (<see cref="CiScripts"/>), with the same words up to where the
/// script's own differ: a word of the script holding a <c>$</c> (its temporary folders) stands for any word.</item>
/// </list>
/// </summary>
internal static partial class ShellExample
{
    private const string DotnetRun = "dotnet run --project src/Harness.Cli -c Release --";

    public static IEnumerable<string> Problems(string text)
    {
        foreach (var command in Commands(text))
            foreach (var problem in Check(command))
                yield return $"`{command}`: {problem}";
    }

    /// <summary>The block's commands: continued lines joined, comments dropped, <c>&amp;&amp;</c> splitting a line.</summary>
    public static IEnumerable<string> Commands(string text) =>
        Regex.Replace(text, @"\\\n\s*", " ").Split('\n')
            .Select(line => TrailingComment().Replace(line, "").Trim())
            .Where(line => line.Length > 0)
            .SelectMany(line => line.Split("&&", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    private static IEnumerable<string> Check(string command)
    {
        var words = Words(command).ToList();
        if (words is ["env", ..]) words.RemoveAt(0);
        while (words.Count > 0 && Assignment().Match(words[0]) is { Success: true } set)
        {
            if (!KnownVariables.Value.Contains(set.Groups["name"].Value) && !set.Groups["name"].Value.StartsWith(
                    Harness.Config.ExperimentLoader.EnvironmentPrefix, StringComparison.Ordinal))
                yield return $"no code reads the variable {set.Groups["name"].Value}";
            words.RemoveAt(0);
        }
        if (words.Count == 0) yield break;
        if (words[0] == "cd") yield break;
        if (words[0] == CommandLine.Name || words[0].EndsWith("/" + CommandLine.Name, StringComparison.Ordinal))
        {
            foreach (var error in HarnessCommand(Unquoted(words[1..]))) yield return error;
            yield break;
        }
        var line = string.Join(' ', words);
        if (line.StartsWith(DotnetRun + " ", StringComparison.Ordinal))
        {
            foreach (var error in HarnessCommand(Unquoted(words[DotnetRun.Split(' ').Length..]))) yield return error;
            yield break;
        }
        if (words is ["dotnet", "test", ..])
        {
            foreach (var error in DotnetTest(Unquoted(words[2..]))) yield return error;
            yield break;
        }
        if (!CiScripts.Value.Any(ci => Runs(ci, words)))
            yield return "not a harness or dotnet test command, and no CI script (ci/*.sh run by .ci/run) runs it";
    }

    /// <summary>
    /// The tool's own usage errors for these arguments, but those about the file system (an example's
    /// <c>--from stores/1</c> names a folder of the reader's, not one that exists here): the options check their paths as
    /// they parse, and those errors say "found no".
    /// </summary>
    private static IEnumerable<string> HarnessCommand(IReadOnlyList<string> args) =>
        UsageErrors.Of(CommandLine.Create().Parse(args.ToArray())).Where(e => !e.Contains(", found no ", StringComparison.Ordinal));

    /// <summary>The words as the program receives them: the shell's quotes removed.</summary>
    private static List<string> Unquoted(IEnumerable<string> words) =>
        [.. words.Select(w => Regex.Replace(w, @"""([^""]*)""|'([^']*)'",
            m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value))];

    private static IEnumerable<string> DotnetTest(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] != "--filter" || i + 1 == args.Count)
            {
                yield return $"dotnet test: the documentation uses only --filter EXPRESSION here, found '{args[i]}'";
                continue;
            }
            foreach (var term in args[++i].Split('&', '|').Select(t => t.Trim('(', ')', ' ', '!')))
            {
                var match = FilterTerm().Match(term);
                if (!match.Success) { yield return $"filter term '{term}' is not Property=Value"; continue; }
                var (property, value) = (match.Groups["property"].Value, match.Groups["value"].Value);
                var known = property switch
                {
                    "TestCategory" => Categories.Value.Contains(value),
                    ExperimentCasesAttribute.ClaimProperty => Claims.Value.Contains(value),
                    "Name" or "FullyQualifiedName" => Names.Value.Any(n => n.Contains(value, StringComparison.Ordinal)),
                    _ => false,
                };
                if (!known) yield return $"filter term '{term}': no test has {property} {value}";
            }
        }
    }

    /// <summary>Whether a CI script's command is this one: the same words, a word holding <c>$</c> standing for any.</summary>
    private static bool Runs(IReadOnlyList<string> ci, IReadOnlyList<string> words) =>
        ci.Count >= words.Count && words.Select((w, i) => ci[i] == w || ci[i].Contains('$')).All(same => same);

    /// <summary>Shell words, with quotes kept inside a word (a CI word like <c>"$work/pack"</c> stays one word).</summary>
    public static IEnumerable<string> Words(string command) => Word().Matches(command).Select(m => m.Value);

    /// <summary>Every command of the CI scripts <c>.ci/run</c> runs, and of the scripts those run, as words.</summary>
    public static readonly Lazy<IReadOnlyList<IReadOnlyList<string>>> CiScripts = new(() =>
        [.. ScriptsRun(".ci/run").Distinct().SelectMany(script => Commands(File.ReadAllText(Path.Combine(DocPage.Root, script))))
            .Select(c => (IReadOnlyList<string>)[.. Words(c)])]);

    /// <summary>The script and the ci/ scripts it runs with <c>bash ci/NAME.sh</c>, transitively.</summary>
    public static IEnumerable<string> ScriptsRun(string script)
    {
        yield return script;
        foreach (Match run in BashScript().Matches(File.ReadAllText(Path.Combine(DocPage.Root, script))))
            foreach (var inner in ScriptsRun(run.Groups["script"].Value)) yield return inner;
    }

    private static readonly Lazy<HashSet<string>> KnownVariables = new(() =>
        [.. new[] { "src", "ci" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(DocPage.Root, d), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".sh", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Variable().Matches(File.ReadAllText(f)).Select(m => m.Value)), "CI", "XDG_CACHE_HOME"]);

    private static readonly Lazy<HashSet<string>> Categories = new(() =>
        [ExperimentsFolderAttribute.Category, ExperimentsFolderAttribute.ExplicitCategory, ExperimentCasesAttribute.ClaimsCategory,
            .. Directory.EnumerateFiles(Path.Combine(DocPage.Root, "tests"), "*.cs", SearchOption.AllDirectories)
                .SelectMany(f => CategoryAttribute().Matches(File.ReadAllText(f)).Select(m => m.Groups["name"].Value)),
            .. Experiments().Select(e => e.Name)]);

    private static readonly Lazy<HashSet<string>> Claims = new(() =>
        [.. Experiments()
            .Select(e => ExperimentLoader.LoadFile(e.DefinitionPath, environment: new Dictionary<string, string>()))
            .SelectMany(experiment => ClaimLoader.Load(experiment).All.Select(c => c.Id))]);

    /// <summary>What a test's name can hold: run ids (the committed baselines' names), claim ids, test classes.</summary>
    private static readonly Lazy<IReadOnlyList<string>> Names = new(() =>
        [.. Directory.EnumerateDirectories(Path.Combine(DocPage.Root, "baselines"))
            .SelectMany(d => new BaselineFolder(d, BaselinePolicy.From(ci: null, accept: null)).VerifiedRunIds()),
            .. Claims.Value,
            .. Directory.EnumerateFiles(Path.Combine(DocPage.Root, "tests"), "*Tests.cs", SearchOption.AllDirectories)
                .Select(Path.GetFileNameWithoutExtension).OfType<string>()]);

    /// <summary>The shipped experiments (as the repository holds them) and the documentation's examples.</summary>
    public static IEnumerable<ExperimentCatalog.Entry> Experiments() =>
        new[] { Path.Combine(DocPage.Root, "src", "Harness", "experiments"), Examples }
            .SelectMany(folder => ExperimentCatalog.Listed(folder).Entries);

    /// <summary>The folder of the documentation's example files.</summary>
    public static readonly string Examples = Path.Combine(DocPage.Root, "docs", "examples");

    [GeneratedRegex(@"(^|\s)#(?!!).*$")]
    private static partial Regex TrailingComment();

    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)=")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"(?:""[^""]*""|'[^']*'|[^\s""'])+")]
    private static partial Regex Word();

    [GeneratedRegex(@"^(?<property>\w+)(=|!=|~|!~)(?<value>.+)$")]
    private static partial Regex FilterTerm();

    [GeneratedRegex(@"\bbash (?<script>ci/[\w.-]+\.sh)\b")]
    private static partial Regex BashScript();

    [GeneratedRegex(@"\bHARNESS_[A-Z0-9_]*[A-Z0-9]\b")]
    private static partial Regex Variable();

    [GeneratedRegex(@"Category\(""(?<name>[^""]+)""\)")]
    private static partial Regex CategoryAttribute();

}

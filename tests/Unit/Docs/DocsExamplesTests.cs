using System.Text.RegularExpressions;
using Harness.Baselines;
using Harness.Config;

namespace Harness.Tests.Unit.Docs;

/// <summary>
/// The documentation's examples cannot drift from the code: every JSON, YAML or C# block is a snippet of a file the
/// repository uses (a shipped experiment, a template's source, or an example under docs/examples that a test here loads),
/// every shell block is checked command by command (<see cref="ShellExample"/>) or is a script a CI script runs, and no
/// page speaks of the project's history. After an intended change, <c>HARNESS_ACCEPT=1</c> rewrites the snippet blocks
/// (never on CI).
/// </summary>
public sealed class DocsExamplesTests
{
    private static readonly string[] MustBeSnippets = ["json", "yaml", "csharp"];

    public static IEnumerable<TestCaseData> Pages() =>
        DocPage.All().Select(p => new TestCaseData(p.RelativePath).SetName($"{{m}}({p.RelativePath})"));

    [TestCaseSource(nameof(Pages))]
    public void Every_snippet_block_is_its_source(string page)
    {
        var doc = DocPage.Read(Path.Combine(DocPage.Root, page));
        var stale = doc.Blocks.Where(b => b.Snippet is not null && b.Text != Snippet.Render(b.Snippet)).ToList();
        if (stale.Count > 0 && BaselinePolicy.FromEnvironment().Accept)
        {
            Harness.IO.AtomicFile.WriteAllText(doc.Path, Snippet.Rewrite(doc));
            Assert.Warn($"{page}: rewrote {stale.Count} snippet block(s) from their sources");
            return;
        }
        Assert.That(stale.Select(b => $"{page}:{b.Line}: the block differs from {b.Snippet}"), Is.Empty,
            "rewrite them from their sources with HARNESS_ACCEPT=1 dotnet test --filter FullyQualifiedName~DocsExamplesTests");
    }

    [TestCaseSource(nameof(Pages))]
    public void Every_example_block_is_checked(string page)
    {
        var doc = DocPage.Read(Path.Combine(DocPage.Root, page));
        var problems = new List<string>();
        foreach (var block in doc.Blocks)
        {
            if (MustBeSnippets.Contains(block.Language) && block.Snippet is null)
                problems.Add($"{page}:{block.Line}: a {block.Language} block must be a snippet of a file a test loads " +
                    "(<!-- snippet: PATH --> on the line above it)");
            else if (block.IsShell && block.Snippet is { } script && !RunByCi(script))
                problems.Add($"{page}:{block.Line}: the script {script} is shown, but no CI script runs it");
            else if (block.IsShell && block.Snippet is null)
                problems.AddRange(ShellExample.Problems(block.Text).Select(p => $"{page}:{block.Line}: {p}"));
            if (block.Language.Length == 0) problems.Add($"{page}:{block.Line}: a code block without a language");
        }
        Assert.That(problems, Is.Empty);
    }

    [TestCaseSource(nameof(Pages))]
    public void No_page_speaks_of_the_projects_history(string page)
    {
        var lines = File.ReadAllLines(Path.Combine(DocPage.Root, page));
        var history = lines.Select((l, i) => (Line: i + 1, Text: l))
            .Where(l => Regex.IsMatch(l.Text, @"issue [0-9]+", RegexOptions.IgnoreCase))
            .Select(l => $"{page}:{l.Line}: {l.Text.Trim()}");
        Assert.That(history, Is.Empty, "history belongs in CHANGELOG.md and CONTRIBUTING.md, not in the user's pages");
    }

    [TestCaseSource(nameof(Pages))]
    public void Every_link_leads_somewhere(string page)
    {
        var doc = DocPage.Read(Path.Combine(DocPage.Root, page));
        var anchors = new Dictionary<string, IReadOnlySet<string>>();
        var broken = doc.Links()
            .Where(l => !l.Target.StartsWith("http", StringComparison.Ordinal) && !l.Target.StartsWith("mailto:", StringComparison.Ordinal))
            .Select(l => (l.Line, l.Target, Problem: Problem(doc, l.Target, anchors)))
            .Where(l => l.Problem is not null)
            .Select(l => $"{page}:{l.Line}: ({l.Target}) {l.Problem}");

        Assert.That(broken, Is.Empty);
    }

    /// <summary>What is wrong with a relative link: no such file, or no such heading in the page it names (each page's
    /// headings read once, into <paramref name="anchors"/>).</summary>
    private static string? Problem(DocPage page, string target, Dictionary<string, IReadOnlySet<string>> anchors)
    {
        var (file, anchor) = target.Split('#', 2) is [var f, var a] ? (f, a) : (target, null);
        var path = file.Length == 0 ? page.Path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page.Path)!, file));
        if (!File.Exists(path) && !Directory.Exists(path)) return "no such file or folder";
        if (anchor is null || !path.EndsWith(".md", StringComparison.Ordinal)) return null;
        if (!anchors.TryGetValue(path, out var headings)) anchors[path] = headings = DocPage.Read(path).Anchors();
        return headings.Contains(anchor) ? null : $"no heading #{anchor} in {Path.GetFileName(path)}";
    }

    [Test]
    public void The_readme_is_at_most_200_lines()
    {
        var lines = File.ReadAllLines(Path.Combine(DocPage.Root, "README.md")).Length;

        Assert.That(lines, Is.LessThanOrEqualTo(200), "README.md is the front page; the rest goes under docs/");
    }

    public static IEnumerable<TestCaseData> ExampleExperiments() =>
        ExperimentCatalog.Listed(ShellExample.Examples).Entries
            .Select(e => new TestCaseData(Path.GetRelativePath(DocPage.Root, e.DefinitionPath)).SetName($"{{m}}({e.Name})"));

    [TestCaseSource(nameof(ExampleExperiments))]
    public void Every_example_experiment_loads_and_validates(string definition)
    {
        var experiment = ExperimentLoader.LoadFile(Path.Combine(DocPage.Root, definition), environment: new Dictionary<string, string>());

        Assert.That(Harness.Grid.ExperimentGrid.Runs(experiment), Is.Not.Empty, $"{definition} declares no run");
    }

    [Test]
    public void Every_example_file_is_shown_on_some_page()
    {
        var shown = DocPage.All().SelectMany(p => p.Blocks).Select(b => b.Snippet?.Split('#')[0]).OfType<string>().ToHashSet();
        var examples = Directory.EnumerateFiles(ShellExample.Examples, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(DocPage.Root, f));

        Assert.That(examples.Where(e => !shown.Contains(e)), Is.Empty, "an example no page shows is a file nobody reads");
    }

    /// <summary>Whether a CI script runs this script: a command of a script runner (<c>bash</c>, or Slurm's <c>sbatch</c>)
    /// naming it by its path in the repository.</summary>
    private static bool RunByCi(string script) =>
        ShellExample.CiScripts.Value.Any(c => c.Count >= 2 && c[0] is "bash" or "sbatch" && c.Skip(1).Contains(script));
}

/// <summary>The checks fail where they should: a broken example is caught, not waved through.</summary>
public sealed class DocsExamplesCheckTests
{
    [TestCase("harness reproduce --seeds 2", true)]
    [TestCase("harness reproduce --seed 2", false)]
    [TestCase("dotnet run --project src/Harness.Cli -c Release -- reproduce --experiment keras-mnist-mlp", true)]
    [TestCase("dotnet run --project src/Harness.Cli -c Release -- reproduce --seeds two", false)]
    [TestCase("dotnet test --filter TestCategory=keras-mnist-mlp", true)]
    [TestCase("dotnet test --filter TestCategory=keras-mnist-mlpp", false)]
    [TestCase("dotnet test --filter Claim=deeper-overfits-at-n1000", true)]
    [TestCase("dotnet test --filter Claim=deeper-overfits", false)]
    [TestCase("HARNESS_ACCEPT=1 dotnet test", true)]
    [TestCase("HARNESS_ACCEPTED=1 dotnet test", false)]
    [TestCase("dotnet tool install --tool-path ~/.harness --add-source /tmp/harness-pack Harness", true)]
    [TestCase("dotnet tool install --tool-paht ~/.harness --add-source /tmp/harness-pack Harness", false)]
    [TestCase("dotnet nuget push Harness.0.1.0.nupkg   # not something CI runs", false)]
    public void A_shell_example_is_checked_against_the_real_command_line(string example, bool valid)
    {
        var problems = ShellExample.Problems(example).ToList();

        Assert.That(problems, valid ? Is.Empty : Is.Not.Empty, string.Join("\n", problems));
    }

    [Test]
    public void A_snippet_block_that_drifted_from_its_file_is_found_and_rewritten()
    {
        var directory = TestScratch.Path("harness-docs-snippet");
        Directory.CreateDirectory(directory);
        try
        {
            var page = Path.Combine(directory, "page.md");
            var source = Path.GetRelativePath(DocPage.Root, Path.Combine(DocPage.Root, "src", "Harness", "experiments",
                "csharp-model-example", ExperimentFiles.ClaimsFile));
            File.WriteAllText(page, $"Text.\n\n<!-- snippet: {source}#/claims/0/id -->\n```json\n\"id\": \"edited by hand\"\n```\n");

            var doc = DocPage.Read(page);
            Assert.That(doc.Blocks.Single().Text, Is.Not.EqualTo(Snippet.Render(doc.Blocks.Single().Snippet!)));
            File.WriteAllText(page, Snippet.Rewrite(doc));
            var rewritten = DocPage.Read(page).Blocks.Single();
            Assert.That(rewritten.Text, Is.EqualTo(Snippet.Render(rewritten.Snippet!)));
            Assert.That(rewritten.Text, Does.StartWith("\"id\": \"").And.Not.Contain("edited by hand"));
        }
        finally { Directory.Delete(directory, recursive: true); }
    }
}

using System.Text.RegularExpressions;

namespace Harness.Tests.Unit;

/// <summary>
/// The folders of the training library (<c>src/Harness.Training</c>), of <c>src/Harness</c> and of the command line
/// (<c>src/Harness.Cli</c>) in the order <c>docs/architecture.md</c> states,
/// read from its one line of them: a file may name (by a <c>using</c>, a <c>Harness.</c>-qualified name, or a name qualified
/// by a folder, as code inside <c>Harness</c> can write) only folders before its own. A back edge is how a cycle starts, and a
/// cycle is how one change costs many edits. Between the two projects the project reference enforces the order; this test
/// holds it within each, and checks that the line puts every folder of the training library first.
/// </summary>
public sealed partial class StageOrderTests
{
    private static readonly string Root = Harness.Config.ExperimentFiles.Repository.Root();
    /// <summary>The projects, in the order they reference each other: the training library, the harness, the command line.</summary>
    private static readonly string[] Sources =
        [Path.Combine(Root, "src", "Harness.Training"), Path.Combine(Root, "src", "Harness"), Path.Combine(Root, "src", "Harness.Cli")];

    [GeneratedRegex(@"^`((?:\w+ (?:/|→) )+\w+)`$", RegexOptions.Multiline)]
    private static partial Regex OrderLine();

    [GeneratedRegex(@"\bHarness\.(\w+)|(?<![\w.])([A-Z]\w*)\.([A-Z]\w*)")]
    private static partial Regex FolderReference();

    /// <summary>
    /// Every namespace and type name of both assemblies, as <c>Harness.X.Y</c>: a name <c>X.Y</c> in code is the folder X's only
    /// when <c>Harness.X.Y</c> is one of them (<c>Report.Figures</c>), not when X is a property that happens to share a
    /// folder's name (a run result's <c>Config.RunId</c>).
    /// </summary>
    private static readonly HashSet<string> Names =
    [
        .. new[] { typeof(Harness.Training.Trainer).Assembly, typeof(Harness.Report.MarkdownReport).Assembly,
                typeof(Harness.Cli.CommandLine).Assembly }
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => Prefixes(t.Namespace ?? "").Append(t.FullName!.Split('+')[0])),
    ];

    private static IEnumerable<string> Prefixes(string name) =>
        name.Split('.').Select((_, i) => string.Join('.', name.Split('.').Take(i + 1)));

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|""(?:\\.|[^""\\\n])*""", RegexOptions.Singleline)]
    private static partial Regex CommentOrString();

    /// <summary>The documented order: each rank the folders a <c>/</c> joins, ranks in <c>→</c> order.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> DocumentedOrder()
    {
        var match = OrderLine().Match(File.ReadAllText(Path.Combine(Root, "docs", "architecture.md")));
        Assert.That(match.Success, Is.True, "docs/architecture.md has no line like `IO / Statistics → Native → … → Cli`");
        return [.. match.Groups[1].Value.Split(" → ").Select(rank => (IReadOnlyList<string>)rank.Split(" / "))];
    }

    /// <summary>Each use of a folder not before the file's own: "Config/X.cs uses Training".</summary>
    public static IReadOnlyList<string> BackEdges(IReadOnlyList<IReadOnlyList<string>> order,
        IEnumerable<(string Folder, string File, string Text)> files)
    {
        var rank = order.SelectMany((folders, i) => folders.Select(f => (f, i))).ToDictionary(p => p.f, p => p.i);
        var edges = new List<string>();
        foreach (var (folder, file, text) in files)
        {
            var code = CommentOrString().Replace(text, "");
            var used = FolderReference().Matches(code)
                .Where(m => m.Groups[1].Success || Names.Contains($"Harness.{m.Groups[2].Value}.{m.Groups[3].Value}"))
                .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).Distinct();
            edges.AddRange(used.Where(u => u != folder && rank.ContainsKey(u) && rank[u] >= rank[folder]).Select(u => $"{file} uses {u}"));
        }
        return edges;
    }

    /// <summary>Each project's folders, with the project they are in.</summary>
    private static IEnumerable<(string Source, string Folder)> Folders() =>
        Sources.SelectMany(source => Directory.GetDirectories(source).Select(Path.GetFileName).OfType<string>()
            .Where(f => f is not ("bin" or "obj" or "experiments")).Select(folder => (source, folder)));

    [Test]
    public void Names_every_folder_once()
    {
        var named = DocumentedOrder().SelectMany(r => r).ToList();
        Assert.That(named, Is.Unique);
        Assert.That(named, Is.EquivalentTo(Folders().Select(f => f.Folder)), "every folder of both projects has its place in the order");
        var training = Folders().Where(f => f.Source == Sources[0]).Select(f => f.Folder).ToHashSet();
        Assert.That(named.Take(training.Count), Is.EquivalentTo(training), "the training library's folders come first");
    }

    [Test]
    public void No_folder_uses_a_later_one()
    {
        var files = Folders()
            .SelectMany(f => Directory.EnumerateFiles(Path.Combine(f.Source, f.Folder), "*.cs", SearchOption.AllDirectories)
            .Select(file => (f.Folder, Path.GetRelativePath(Root, file), File.ReadAllText(file))));

        Assert.That(BackEdges(DocumentedOrder(), files), Is.Empty, "a folder uses one after it in docs/architecture.md's order");
    }

    [Test]
    public void Finds_a_back_edge_by_using_by_qualified_name_and_by_folder_qualified_name()
    {
        IReadOnlyList<IReadOnlyList<string>> order = [["Config"], ["Training"], ["Report"]];
        (string, string, string)[] files =
        [
            ("Config", "Config/A.cs", "using Harness.Training.Optimizers;"),
            ("Config", "Config/B.cs", "var x = Harness.Report.MarkdownReport.FileName;"),
            ("Training", "Training/C.cs", "namespace Harness.Training; class C { int F => Report.Figures.Count; }"),
            ("Report", "Report/D.cs", "using Harness.Config; // Training.X in a comment\nvar s = \"Training.Y in a string\";"),
        ];

        Assert.That(BackEdges(order, files),
            Is.EqualTo(new[] { "Config/A.cs uses Training", "Config/B.cs uses Report", "Training/C.cs uses Report" }));
    }
}

using Harness.Config;

namespace Harness.NUnit;

/// <summary>
/// Where a test project's experiments and everything that comes with them live, by one rule: relative to the repository the
/// test assembly was built in, that is the nearest folder above it holding a <c>.git</c> (folder or file) or a solution
/// (<c>*.sln</c>, <c>*.slnx</c>). Experiments are the folder <see cref="ExperimentsFolderAttribute"/> names there, one per
/// subfolder holding an <c>experiment.json</c> (or the folder itself when it holds one); each experiment's baselines are in
/// <c>baselines/&lt;name&gt;/</c> at the root (<c>HARNESS_BASELINES_DIR</c> names another folder of them), its report is
/// written to <c>artifacts/test-report/&lt;name&gt;/</c> at the root.
/// </summary>
/// <param name="Root">The repository's folder.</param>
public sealed record ExperimentRepository(string Root)
{
    /// <summary>The repository that holds <paramref name="start"/> (a folder, e.g. the test assembly's).</summary>
    /// <exception cref="DirectoryNotFoundException">No folder above it holds a .git or a solution.</exception>
    public static ExperimentRepository Above(string start)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
            if (IsRoot(folder)) return new ExperimentRepository(folder.FullName);
        throw new DirectoryNotFoundException($"No repository found above {start}: Harness.NUnit finds experiments, baselines and " +
            "reports relative to the nearest folder above the test assembly that holds a .git or a solution (*.sln, *.slnx).");
    }

    /// <summary>A folder named relative to the root, e.g. <c>experiments</c>.</summary>
    public string Folder(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    /// <summary>The baselines of the experiment <paramref name="name"/>.</summary>
    public string BaselinesOf(string name) => ExperimentFiles.BaselinesInRepository(Root, name);

    /// <summary>The folder each experiment's report is written under, in a subfolder of its name.</summary>
    public string Reports => Path.Combine(Root, "artifacts", "test-report");

    private static bool IsRoot(DirectoryInfo folder) =>
        Directory.Exists(Path.Combine(folder.FullName, ".git")) || File.Exists(Path.Combine(folder.FullName, ".git"))
        || folder.EnumerateFiles("*.sln").Any() || folder.EnumerateFiles("*.slnx").Any();
}

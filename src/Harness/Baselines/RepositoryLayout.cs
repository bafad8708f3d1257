namespace Harness.Baselines;

/// <summary>Finds the repository's <c>baselines</c> folder: <c>HARNESS_BASELINES_DIR</c>, else the nearest folder above
/// the program or the working directory that holds both <c>Harness.sln</c> and <c>baselines</c>; and, the same way, the
/// source folders of the shipped experiments.</summary>
internal static class RepositoryLayout
{
    public const string BaselinesVariable = "HARNESS_BASELINES_DIR";

    /// <summary>The folder <c>HARNESS_BASELINES_DIR</c> names, or null when it is unset.</summary>
    public static string? ConfiguredBaselines =>
        Environment.GetEnvironmentVariable(BaselinesVariable) is { Length: > 0 } configured ? Path.GetFullPath(configured) : null;

    public static string BaselinesRoot()
    {
        if (ConfiguredBaselines is { } configured) return configured;
        return Roots().Select(root => Path.Combine(root, "baselines")).FirstOrDefault(Directory.Exists)
            ?? throw new DirectoryNotFoundException(
                $"No baselines folder found: set {BaselinesVariable}, or run inside the repository (a folder with " +
                $"Harness.sln and baselines/). Searched upward from {AppContext.BaseDirectory} and {Directory.GetCurrentDirectory()}.");
    }

    /// <summary>
    /// A shipped experiment's folder in the repository's source tree. The program reads a copy the build put beside it,
    /// which the next build overwrites: whatever is written about a shipped experiment (registrations) goes here instead.
    /// </summary>
    public static string ExperimentSource(string name) =>
        Roots().Select(root => Path.Combine(root, "src", "Harness", "experiments", name)).FirstOrDefault(Directory.Exists)
        ?? throw new DirectoryNotFoundException(
            $"No source folder of the shipped experiment '{name}' found: run inside the repository (src/Harness/experiments/{name} " +
            $"under a folder with Harness.sln), or give the experiment's folder by path. " +
            $"Searched upward from {AppContext.BaseDirectory} and {Directory.GetCurrentDirectory()}.");

    /// <summary>Folders holding Harness.sln, nearest first, above the program and then above the working directory.</summary>
    private static IEnumerable<string> Roots() =>
        new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() }
            .SelectMany(start => Ancestors(new DirectoryInfo(start)))
            .Where(dir => File.Exists(Path.Combine(dir, "Harness.sln")));

    private static IEnumerable<string> Ancestors(DirectoryInfo? dir)
    {
        for (; dir is not null; dir = dir.Parent) yield return dir.FullName;
    }
}

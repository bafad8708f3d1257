namespace Harness.Baselines;

/// <summary>Finds the repository's <c>baselines</c> folder: <c>HARNESS_BASELINES_DIR</c>, else the nearest folder above
/// the program or the working directory that holds both <c>Harness.sln</c> and <c>baselines</c>.</summary>
public static class RepositoryLayout
{
    public const string BaselinesVariable = "HARNESS_BASELINES_DIR";

    public static string BaselinesRoot()
    {
        if (Environment.GetEnvironmentVariable(BaselinesVariable) is { Length: > 0 } configured) return Path.GetFullPath(configured);
        var tried = new List<string>();
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                tried.Add(dir.FullName);
                if (File.Exists(Path.Combine(dir.FullName, "Harness.sln")) && Directory.Exists(Path.Combine(dir.FullName, "baselines")))
                    return Path.Combine(dir.FullName, "baselines");
            }
        throw new DirectoryNotFoundException(
            $"No baselines folder found: set {BaselinesVariable}, or run inside the repository (a folder with Harness.sln and baselines/). " +
            $"Searched upward from {AppContext.BaseDirectory} and {Directory.GetCurrentDirectory()}.");
    }
}

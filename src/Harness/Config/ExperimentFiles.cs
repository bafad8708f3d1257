using Harness.IO;

namespace Harness.Config;

/// <summary>
/// Where one experiment's files live: the one answer, for the tool in the repository, an installed tool and a test project.
/// <list type="bullet">
/// <item>Its definition, claims and published runs are in its folder.</item>
/// <item>Its baselines are in the folder given (<c>--baselines</c>, or a test project's repository); else, for an experiment
/// shipped with the program, in <c>HARNESS_BASELINES_DIR/&lt;name&gt;</c>, else in the copy inside an installed program
/// (read, never written), else in the repository's <c>baselines/&lt;name&gt;</c>; else in <c>baselines/</c> beside its
/// definition.</item>
/// <item>Received files go beside the baselines, except for that installed copy: theirs go to the per-user cache.</item>
/// <item>Registrations go to its claims file, except for a shipped experiment, whose program reads a copy the next build
/// overwrites: theirs go to its source folder in the repository.</item>
/// </list>
/// </summary>
/// <param name="Name">The experiment's name, as its definition gives it.</param>
/// <param name="Definition">Its <c>experiment.json</c>, a full path.</param>
/// <param name="GivenBaselines">The baselines folder given for it, or null for the rule above.</param>
internal sealed record ExperimentFiles(string Name, string Definition, string? GivenBaselines = null)
{
    public const string DefinitionFile = "experiment.json";
    public const string ClaimsFile = "claims.json";
    public const string PublishedFile = "published.json";
    public const string BaselinesFolder = "baselines";
    public const string BaselinesVariable = "HARNESS_BASELINES_DIR";

    /// <summary>The experiments shipped with the program: <c>experiments/</c> beside it, which the build copies from the
    /// repository's <c>src/Harness/experiments</c>.</summary>
    public static string ShippedExperiments => Path.Combine(AppContext.BaseDirectory, "experiments");

    /// <summary>The folder <c>HARNESS_BASELINES_DIR</c> names, or null when it is unset.</summary>
    public static string? ConfiguredBaselines =>
        Environment.GetEnvironmentVariable(BaselinesVariable) is { Length: > 0 } configured ? Path.GetFullPath(configured) : null;

    public string Folder => Path.GetDirectoryName(Definition)!;
    public string Claims => Path.Combine(Folder, ClaimsFile);
    public string Published => Path.Combine(Folder, PublishedFile);

    /// <summary>Shipped with the program: its folder is the program's <c>experiments/&lt;name&gt;</c>.</summary>
    public bool Shipped => string.Equals(Path.GetFullPath(Folder), Path.GetFullPath(Path.Combine(ShippedExperiments, Name)),
        StringComparison.Ordinal);

    /// <summary>Where its baselines are read and accepted. Looked up when asked: a shipped experiment's are in the repository,
    /// which a command that reads no baselines (bench, an installed tool's run) need not be inside.</summary>
    public string Baselines => GivenBaselines ?? ReadOnlyBaselines ??
        (Shipped ? BaselinesInRepository(Repository.Root(), Name) : Path.Combine(Folder, BaselinesFolder));

    /// <summary>The baselines of the experiment <paramref name="name"/> kept in a repository, as both the shipped experiments'
    /// and a test project's are: <c>HARNESS_BASELINES_DIR/&lt;name&gt;</c>, else <c>&lt;root&gt;/baselines/&lt;name&gt;</c>.</summary>
    public static string BaselinesInRepository(string root, string name) =>
        Path.Combine(ConfiguredBaselines ?? Path.Combine(root, BaselinesFolder), name);

    /// <summary>
    /// The copy of a shipped experiment's baselines inside an installed program, when that is what <see cref="Baselines"/>
    /// reads: made at publish time (Harness.Cli.csproj's ShipBaselines target) so the tool verifies what it ships from any
    /// folder, and never written. A build's output has none, so there the repository's copy is read.
    /// </summary>
    public string? ReadOnlyBaselines => GivenBaselines is null && Shipped && ConfiguredBaselines is null
        && Path.Combine(AppContext.BaseDirectory, BaselinesFolder, Name) is var copy && Directory.Exists(copy) ? copy : null;

    /// <summary>Where a mismatch's received files go: beside the baselines, or for the read-only copy
    /// <c>$XDG_CACHE_HOME/harness/received/&lt;name&gt;</c>.</summary>
    public string Received => ReadOnlyBaselines is null ? Baselines : Path.Combine(UserCache.Folder("received"), Name);

    /// <summary>The claims file registrations are recorded in.</summary>
    public string ClaimsSource => Shipped
        ? Path.Combine(Repository.Root(), "src", "Harness", "experiments", Name, ClaimsFile)
        : Claims;

    /// <summary>Why the read-only copy is not written, and what to do instead; for accept and HARNESS_ACCEPT.</summary>
    public string NeverWritten =>
        $"the baselines of {Name} are the copy shipped inside this program ({ReadOnlyBaselines}), which is never written. " +
        $"Accept in the repository, where baselines/{Name} is the source the package copies, or give --baselines DIR " +
        $"(or {BaselinesVariable}) to keep baselines of your own";

    /// <summary>The repository the program was built in: the nearest folder holding <c>Harness.sln</c> above the program, then
    /// above the working directory. The shipped experiments' baselines and sources are there.</summary>
    internal static class Repository
    {
        public static string Root() => Candidates().FirstOrDefault()
            ?? throw new DirectoryNotFoundException(
                $"No repository of Harness found (a folder with Harness.sln): the shipped experiments' baselines and sources are " +
                $"there. Set {BaselinesVariable}, give --baselines DIR, or give the experiment's folder by path. " +
                $"Searched upward from {AppContext.BaseDirectory} and {Directory.GetCurrentDirectory()}.");

        private static IEnumerable<string> Candidates() =>
            new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() }
                .SelectMany(start => Ancestors(new DirectoryInfo(start)))
                .Where(dir => File.Exists(Path.Combine(dir, "Harness.sln")));

        private static IEnumerable<string> Ancestors(DirectoryInfo? dir)
        {
            for (; dir is not null; dir = dir.Parent) yield return dir.FullName;
        }
    }
}

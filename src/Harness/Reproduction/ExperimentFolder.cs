using System.Collections;
using Harness.Baselines;
using Harness.Claims;
using Harness.Config;

namespace Harness.Reproduction;

/// <summary>
/// An experiment with everything that comes with it: its definition (<c>experiment.json</c>), its claims and published runs
/// (each optional) and where its files live (<see cref="ExperimentFiles"/>). Opened whole, so every configuration error in any of
/// the files is found, and reported at once, before anything trains.
/// </summary>
/// <param name="Published">The published runs a reproduction compares: those with a configuration of their own settings.</param>
internal sealed record ExperimentFolder(Experiment Experiment, ClaimSet Claims,
    IReadOnlyList<PublishedRun> Published, ExperimentFiles Files)
{
    /// <summary>The published runs no configuration of <see cref="Experiment"/> trains with their settings, because overrides
    /// changed them: set aside, never compared, each with why.</summary>
    public IReadOnlyList<SetAsidePublishedRun> PublishedSetAside { get; init; } = [];

    /// <summary>
    /// Opens an experiment by name (one <see cref="ExperimentCatalog"/> knows) or by path (its folder, or its experiment.json),
    /// with <paramref name="baselines"/> as its baselines folder when given (else <see cref="ExperimentFiles"/>'s rule).
    /// </summary>
    public static ExperimentFolder Open(string nameOrPath, IReadOnlyDictionary<string, string?>? overrides = null,
        string? baselines = null, IDictionary? environment = null)
    {
        var definition = DefinitionPath(nameOrPath);
        var experiment = definition is null
            ? ExperimentLoader.Load(nameOrPath, overrides, environment)
            : ExperimentLoader.LoadFile(definition, overrides, environment);

        var errors = new List<string>();
        // A published run keeps the settings its file and the experiment's own file give it, and so do the outliers claims.json
        // registers of published runs: overrides change what is reproduced, never what was published.
        var given = ExperimentLoader.Overrides(overrides, environment);
        var declared = given.Count == 0 ? experiment : Collect(() =>
            ExperimentLoader.LoadFile(experiment.DefinitionPath, new Dictionary<string, string?>(), new Hashtable()), errors);
        var claims = (declared is null ? null : Collect(() => ClaimLoader.Load(experiment, given.Count == 0 ? null : declared), errors))
            ?? ClaimSet.None(experiment.Files.Claims);
        var published = (declared is null ? null : Collect(() => PublishedRun.Load(declared), errors)) ?? [];
        foreach (var run in published)
            foreach (var metric in claims.PublishedMetrics.Where(m => run.Metric(m) is null))
                errors.Add($"{experiment.Files.Published}: the published run of " +
                           $"{run.ConfigurationId} has no '{metric}', which {claims.Path} (published:metrics) compares; give its history " +
                           $"or \"metrics\": {{ \"{metric}\": … }}");
        // Found now, not when the first baseline is written after all the training.
        if (baselines is not null && File.Exists(baselines))
            errors.Add($"--baselines: expected a folder (existing or not), found the file {Path.GetFullPath(baselines)}");
        if (errors.Count > 0) throw new ConfigurationException(errors);

        var (compared, setAside) = SetAsidePublishedRun.Sort(published, experiment, given);
        var files = experiment.Files with { GivenBaselines = baselines is null ? null : Path.GetFullPath(baselines) };
        return new ExperimentFolder(experiment, claims, compared, files)
        {
            PublishedSetAside = setAside,
        };
    }

    /// <exception cref="ConfigurationException">The policy accepts, and the baselines are the packaged copy.</exception>
    public BaselineFolder Baselines(BaselinePolicy policy)
    {
        if (Files.ReadOnlyBaselines is null) return new BaselineFolder(Files.Baselines, policy);
        if (policy.Accept) throw new ConfigurationException([$"{BaselinePolicy.AcceptVariable}=1: {Files.NeverWritten}."]);
        return new BaselineFolder(Files.ReadOnlyBaselines, policy, Files.Received);
    }

    /// <summary>Every experiment shipped with the program, by name.</summary>
    public static IReadOnlyList<string> Shipped() => [.. ExperimentCatalog.Shipped().Select(e => e.Name)];

    /// <summary>
    /// A path (anything with a directory separator, or an existing folder or file) rather than the name of an experiment the
    /// catalog knows (<see cref="ExperimentCatalog"/>).
    /// </summary>
    private static string? DefinitionPath(string nameOrPath)
    {
        var looksLikePath = nameOrPath.Contains('/') || nameOrPath.Contains(Path.DirectorySeparatorChar)
            || nameOrPath.EndsWith(".json", StringComparison.Ordinal);
        if (Directory.Exists(nameOrPath) && (looksLikePath || ExperimentCatalog.Find(nameOrPath) is null))
            return Path.Combine(nameOrPath, ExperimentFiles.DefinitionFile);
        return looksLikePath ? nameOrPath : null;
    }

    private static T? Collect<T>(Func<T> load, List<string> errors) where T : class
    {
        try
        {
            return load();
        }
        catch (ConfigurationException e)
        {
            errors.AddRange(e.Errors);
            return null;
        }
        catch (BaselineFormatException e)
        {
            errors.Add(e.Message);
            return null;
        }
    }
}

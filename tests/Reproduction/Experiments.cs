using System.Collections.Concurrent;
using Harness.Baselines;
using Harness.Config;
using Harness.Reproduction;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Harness.Tests.Reproduction;

/// <summary>
/// Every experiment the tests reproduce: each shipped under the program's <c>experiments/</c>, and each folder listed in
/// <c>HARNESS_EXPERIMENTS</c> (paths separated by the platform's path separator), so an experiment kept outside the
/// repository runs through the same tests. One session per experiment and test process: each run trains once and every
/// test shares it, and with the run store a run trained by an earlier test process is read, not trained again.
/// </summary>
internal static class Experiments
{
    /// <summary>The category of every experiment declared <c>"explicit"</c>: <c>--filter TestCategory=Explicit</c> runs them all.</summary>
    public const string ExplicitCategory = "Explicit";

    private static readonly ConcurrentDictionary<string, Lazy<TestedExperiment>> Tested = new();
    private static readonly ConcurrentDictionary<string, Lazy<ExperimentFolder>> Folders = new();

    /// <summary>Names of shipped experiments, then the folders of the experiments in <see cref="Variable"/>'s folders (by path, so
    /// one whose name a shipped experiment has still runs); a listed folder without experiments stays as it is, a fixture that
    /// cannot run.</summary>
    public static IReadOnlyList<string> NamesOrPaths() =>
        [.. ExperimentFolder.Shipped(),
         .. ExperimentCatalog.Folders().SelectMany(folder => ExperimentCatalog.Listed(folder) is { Problem: null } listed
             ? listed.Entries.Select(e => Path.GetDirectoryName(e.DefinitionPath)!) : [folder])];

    /// <summary>One fixture per experiment, in its own category (its name), so <c>--filter TestCategory=&lt;name&gt;</c> selects it.
    /// An experiment whose files do not load is a fixture that cannot run, with the errors as its reason: it fails the run
    /// without hiding the other experiments. An experiment declared <c>"explicit"</c> (too long for the default budget) is an
    /// explicit fixture, also in category <c>Explicit</c>: a plain <c>dotnet test</c> does not run it (the console lists its
    /// tests as skipped, the totals leave them out), and a filter naming its category runs it.</summary>
    public static IEnumerable<TestFixtureData> Fixtures() => NamesOrPaths().Select(nameOrPath =>
    {
        var problem = Problem(nameOrPath);
        var name = problem is null ? Folder(nameOrPath).Experiment.Name : nameOrPath;
        var fixture = new TestFixtureData(nameOrPath).SetArgDisplayNames(name);
        if (problem is not null)
        {
            fixture.RunState = RunState.NotRunnable;
            fixture.Properties.Set(PropertyNames.SkipReason, problem);
        }
        fixture.Properties.Add(PropertyNames.Category, "Reproduction");
        fixture.Properties.Add(PropertyNames.Category, name);
        if (problem is null && Folder(nameOrPath).Experiment.Explicit is { } reason)
        {
            fixture.RunState = RunState.Explicit;
            fixture.Properties.Set(PropertyNames.SkipReason, $"{name} runs only when selected: {reason}");
            fixture.Properties.Add(PropertyNames.Category, ExplicitCategory);
        }
        return fixture;
    });

    /// <summary>Why the experiment's files do not load, or null when they do.</summary>
    public static string? Problem(string nameOrPath)
    {
        try
        {
            Folder(nameOrPath);
            return null;
        }
        catch (Exception e) when (e is Harness.Config.ConfigurationException or BaselineFormatException or IOException)
        {
            return $"Experiment {nameOrPath} does not load: {e.Message}";
        }
    }

    /// <summary>The experiment's files alone, for test discovery: no data, no training, no TorchSharp.</summary>
    public static ExperimentFolder Folder(string nameOrPath) =>
        Folders.GetOrAdd(nameOrPath, key => new Lazy<ExperimentFolder>(() => ExperimentFolder.Open(key))).Value;

    /// <summary>The experiment as this test run sees it: its session, opened by the first test that needs it.</summary>
    public static TestedExperiment Of(string nameOrPath) => Tested.GetOrAdd(nameOrPath, key => new Lazy<TestedExperiment>(() =>
    {
        var folder = Folder(key);
        if (Harness.Native.TorchRuntime.Conflict(folder.Experiment.Numerics) is { } conflict)
        {
            NotRun.Because($"{folder.Experiment.Name}: {conflict}",
                $"run it alone: dotnet test --filter TestCategory={folder.Experiment.Name}");
        }
        // The user's run store (HARNESS_STORE, HARNESS_NO_STORE=1 to bypass), as `reproduce` uses it: a run trains once per machine.
        return new TestedExperiment(folder, Harness.Store.RunStore.FromEnvironment());
    })).Value;

    /// <summary>Every experiment a test of this run has opened, in the order of <see cref="NamesOrPaths"/>.</summary>
    public static IReadOnlyList<TestedExperiment> Opened() =>
        [.. NamesOrPaths()
            .Select(n => Tested.TryGetValue(n, out var tested) && tested.IsValueCreated ? tested.Value : null).OfType<TestedExperiment>()];
}

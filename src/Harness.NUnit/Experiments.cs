using System.Collections.Concurrent;
using Harness.Baselines;
using Harness.Config;
using Harness.Native;
using Harness.Reproduction;
using NUnit.Framework;

namespace Harness.NUnit;

/// <summary>
/// Every experiment this test process turns into tests, by its folder's full path (the fixture's argument): where its
/// baselines and report go, its files (read at discovery, without data, training or TorchSharp), and its session, opened by
/// the first test that needs it. One session per experiment and test process: each run trains once and every test shares
/// it, and with the run store a run trained by an earlier test process is read, not trained again.
/// </summary>
internal static class Experiments
{
    /// <summary>An experiment the fixtures know: its folder and where its baselines (null: beside its definition) and
    /// report go.</summary>
    private sealed record Entry(string? Baselines, string Reports);

    private static readonly ConcurrentDictionary<string, Entry> Entries = new();
    private static readonly ConcurrentDictionary<string, Lazy<ExperimentFolder>> Folders = new();
    private static readonly ConcurrentDictionary<string, Lazy<TestedExperiment>> Tested = new();
    private static readonly Lock Torch = new();

    /// <summary>Registers an experiment folder for the fixture of that argument.</summary>
    /// <param name="baselines">Its baselines folder; null for those beside its experiment.json.</param>
    public static void Register(string folder, string? baselines, string reports) =>
        Entries[folder] = new Entry(baselines, reports);

    /// <summary>Why the experiment's files do not load, or null when they do.</summary>
    public static string? Problem(string folder)
    {
        try
        {
            Folder(folder);
            return null;
        }
        catch (Exception e) when (e is ConfigurationException or BaselineFormatException or IOException)
        {
            return $"Experiment {folder} does not load: {e.Message}";
        }
    }

    /// <summary>The experiment's files alone, for test discovery: no data, no training, no TorchSharp.</summary>
    public static ExperimentFolder Folder(string folder) =>
        Folders.GetOrAdd(folder, key => new Lazy<ExperimentFolder>(() =>
            ExperimentFolder.Open(key, baselines: Entries.GetValueOrDefault(key)?.Baselines))).Value;

    /// <summary>
    /// Fixes the numerics profile before anything touches TorchSharp: the one every experiment that loads declares, else the
    /// portable profile (one process has one; an experiment in another reports itself not run, with the command that runs it).
    /// </summary>
    public static void InitializeTorch()
    {
        lock (Torch)
        {
            if (TorchRuntime.Profile is not null) return;
            var profiles = Entries.Keys.Order(StringComparer.Ordinal).Where(e => Problem(e) is null)
                .Select(e => Folder(e).Experiment.Numerics).Distinct().ToList();
            TorchRuntime.Initialize(profiles.Count == 1 ? profiles[0] : NumericsProfile.Portable);
        }
    }

    /// <summary>The experiment as this test run sees it: its session, opened by the first test that needs it.</summary>
    public static TestedExperiment Of(string folder) => Tested.GetOrAdd(folder, key => new Lazy<TestedExperiment>(() =>
    {
        var experiment = Folder(key);
        if (TorchRuntime.Conflict(experiment.Experiment.Numerics) is { } conflict)
            NotRun.Because($"{experiment.Experiment.Name}: {conflict}",
                $"run it alone: dotnet test --filter TestCategory={experiment.Experiment.Name}");
        // The user's run store (HARNESS_STORE, HARNESS_NO_STORE=1 to bypass), as `reproduce` uses it: a run trains once per machine.
        return new TestedExperiment(experiment, Harness.Store.RunStore.FromEnvironment(), Entries[key].Reports);
    })).Value;

    /// <summary>The experiment's session if a test of this run opened it, else null.</summary>
    public static TestedExperiment? Opened(string folder) =>
        Tested.TryGetValue(folder, out var tested) && tested.IsValueCreated ? tested.Value : null;
}

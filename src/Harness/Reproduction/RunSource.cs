using System.Runtime.ExceptionServices;
using Harness.Config;
using Harness.Settings;
using Harness.Data;
using Harness.History;
using Harness.Model;
using Harness.Report;
using Harness.Store;
using Harness.Training;
using Harness.Runs;
using Harness.Bench;

namespace Harness.Reproduction;

/// <summary>
/// Where an experiment's results come from: one pool of workers that reads each run from the run store (or from the
/// stores merged with <c>--from</c>) or else trains it, once per process, on the experiment's data; and what each run
/// costs. Checked when made, before anything trains: the data holds the samples the runs need, and they fit in memory.
/// </summary>
internal sealed class RunSource : IDisposable
{
    private readonly SplitCache _data;

    /// <param name="store">The run store to read and fill, or null to train everything.</param>
    /// <param name="warnings">Where the run store's warnings go [default: standard error].</param>
    /// <param name="from">Stores to evaluate from without training (<c>--from</c>): every run must be in one of them.</param>
    public RunSource(Experiment experiment, IReadOnlyList<RunConfig> runs, int workers, Func<RunConfig, TrainingObserver>? observer = null,
        RunStore? store = null, TextWriter? warnings = null, IReadOnlyList<RunStore>? from = null)
    {
        _data = new SplitCache(Load(experiment));
        var dataset = _data.Dataset;
        var problems = dataset.Problems(runs).Concat(ClassModelBuilder.Problems(runs, dataset.Shape).Select(p => $"model:class: {p}"))
            .Concat(MemoryCheck.Problems(runs, dataset.Shape, workers)).ToList();
        if (problems.Count > 0) throw new ConfigurationException([.. problems.Select(p => $"{experiment.DefinitionPath}: {p}")]);
        StoredRuns = store is null ? null : new StoredRuns(store, dataset, warnings ?? Console.Error);
        Merged = from is null ? null : MergedStores.Open(from, runs, KeyContext.Current(dataset));
        Pool = Merged is null ? new RunPool(_data.For, workers, observer, StoredRuns)
            : new RunPool(_data.For, workers, observer, Merged, canTrain: false);
    }

    /// <summary>MNIST's files, or the experiment's C# data source, whose tensors are checked as they load.</summary>
    private static IDataset Load(Experiment experiment)
    {
        if (experiment.DataClass is not { } type) return ImageDataset.Load(DataLocator.Locate(experiment.DataDirectory, MnistFiles.All));
        try
        {
            return SourcedDataset.Load(type);
        }
        catch (InvalidDataException e)
        {
            throw new ConfigurationException([$"{experiment.DefinitionPath}: data:class: {type.FullName}: {e.Message}"]);
        }
    }

    public RunPool Pool { get; }

    /// <summary>The run store in use, or null when runs are all trained.</summary>
    public StoredRuns? StoredRuns { get; }

    /// <summary>The stores evaluated from (<c>--from</c>), or null.</summary>
    public MergedStores? Merged { get; }

    /// <summary>The results read from a store rather than trained (the run store's reused runs, or every run of merged stores):
    /// what <c>--verify</c> draws from.</summary>
    public IReadOnlyList<RunResult> Reused => StoredRuns?.Reused ?? Merged?.Reused ?? [];

    /// <summary>
    /// Whether this process's result of the run was read (from its run store, or from the stores it merges) rather than
    /// trained.
    /// </summary>
    public bool WasReused(RunConfig run) => !Pool.CanTrain || StoredRuns?.WasReused(run.RunId) == true;

    /// <summary>The store entry a reused run was read from.</summary>
    public string EntryPath(RunConfig run) =>
        Merged?.PathOf(run) ?? StoredRuns?.Store.PathOf(StoredRuns.KeyOf(run).Hash)
            ?? throw new InvalidOperationException("No store is read.");

    /// <summary>Where the runs came from, for the conclusions block: how many the run store gave and how many were trained.</summary>
    public string Describe() => StoredRuns is { } stored
        ? $"Run store {stored.Store.Root}: {stored.Reused.Count} run(s) reused, {Pool.Trained} trained."
        : $"Run store not used: {Pool.Trained} run(s) trained.";

    public double Cost(RunConfig config) => FlopCount.ForRun(config, _data.Dataset.Shape);

    public RunResult Result(RunConfig run) => Pool.Run(run).GetAwaiter().GetResult();

    public IReadOnlyList<RunResult> Results(IReadOnlyList<RunConfig> runs) => Pool.RunAll(runs, Cost);

    /// <summary>
    /// Trains (or finds) every run given, as <see cref="Results"/> does, except that a run that diverges is returned
    /// rather than thrown: the others still train, and the caller reports it as a failed run. Any other failure is thrown.
    /// </summary>
    public IReadOnlyList<DivergedRun> Train(IReadOnlyList<RunConfig> runs)
    {
        try
        {
            Results(runs);
            return [];
        }
        catch (TrainingDivergedException)
        {
            // Every task is finished once WhenAll has thrown: read each one's outcome below.
        }
        var failed = runs.Select(run => (Run: run, Error: Pool.Run(run).Exception?.InnerException))
            .Where(f => f.Error is not null).ToList();
        if (failed.FirstOrDefault(f => f.Error is not TrainingDivergedException).Error is { } other) ExceptionDispatchInfo.Throw(other);
        return failed.Select(f => (f.Run, Error: (TrainingDivergedException)f.Error!))
            .Select(f => new DivergedRun(f.Run, f.Error.Message, f.Error.Where)).ToList();
    }

    public void Dispose() => Pool.Dispose();
}

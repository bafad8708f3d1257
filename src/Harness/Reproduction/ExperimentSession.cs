using System.Runtime.ExceptionServices;
using Harness.Baselines;
using Harness.Claims;
using Harness.Config;
using Harness.Config.Settings;
using Harness.Data;
using Harness.Grid;
using Harness.History;
using Harness.Native;
using Harness.Report;
using Harness.Store;
using Harness.Training;

namespace Harness.Reproduction;

/// <summary>
/// One experiment, reproduced: its runs (trained on demand, once each), both baseline tiers and the baselines'
/// inventory. The NUnit tests and the command line are two front ends over this one code path. With a run store, runs
/// stored by earlier processes are read rather than trained (the exact tier's confirming retrain always trains).
/// </summary>
public sealed class ExperimentSession : IDisposable
{
    private readonly SplitCache _data;

    /// <param name="runs">The run store to read and fill, or null to train everything.</param>
    /// <param name="warnings">Where the run store's warnings go [default: standard error].</param>
    /// <param name="from">Stores to evaluate from without training (<c>--from</c>): every run must be in one of them.</param>
    public ExperimentSession(ExperimentFolder folder, BaselineFolder baselines, int workers, Func<RunConfig, TrainingObserver>? observer = null,
        RunStore? runs = null, TextWriter? warnings = null, IReadOnlyList<RunStore>? from = null)
    {
        var experiment = folder.Experiment;
        // The profile is the process's, fixed when libtorch loaded; runs trained under another would be compared wrongly.
        if (TorchRuntime.Profile is { } inForce && inForce != experiment.Numerics)
            throw new InvalidOperationException(
                $"Experiment {experiment.Name} asks for the '{experiment.Numerics.Name}' numerics profile, but this process runs '{inForce.Name}'.");
        Experiment = experiment;
        Runs = ExperimentGrid.Runs(experiment);
        Configurations = ExperimentGrid.Configurations(experiment);
        Baselines = baselines;
        _data = new SplitCache(ImageDataset.Load(DataLocator.Locate(experiment.DataDirectory, MnistFiles.All)));
        // The last check before anything trains: the data has the samples the runs need, and the runs fit in memory.
        var dataProblems = _data.Dataset.Problems(Runs).Concat(MemoryCheck.Problems(Runs, _data.Dataset.Features, _data.Dataset.Classes, workers)).ToList();
        if (dataProblems.Count > 0) throw new ConfigurationException(dataProblems.Select(p => $"{experiment.DefinitionPath}: {p}").ToList());
        StoredRuns = runs is null ? null : new StoredRuns(runs, _data.Dataset, warnings ?? Console.Error);
        Merged = from is null ? null : MergedStores.Open(from, Runs, KeyContext.Current(_data.Dataset));
        Pool = Merged is null ? new RunPool(_data.For, workers, observer, StoredRuns) : new RunPool(_data.For, workers, observer, Merged, canTrain: false);
        Ensemble = new EnsembleTier(baselines, experiment.Name, Configurations.Select(c => c.Id).ToList(), experiment.EnsembleFamilyAlpha);
        Claims = folder.Claims;
        Published = folder.Published;
    }

    /// <summary>The experiment's registered claims (<c>claims.json</c> beside its definition; none when it has no such file).</summary>
    public ClaimSet Claims { get; }

    /// <summary>The runs the original author published (<c>published.json</c> beside the definition; optional).</summary>
    public IReadOnlyList<PublishedRun> Published { get; }

    /// <summary>Decides a claim from the runs its comparisons select (and only those are trained).</summary>
    public ClaimOutcome EvaluateClaim(Claim claim) => ClaimEvaluator.Evaluate(claim, Claims, Results(claim.Runs(Runs)));

    /// <summary>The published run of a configuration against its reproduced seeds.</summary>
    /// <remarks>The configuration must be one of the experiment's (<see cref="PublishedRun.Read"/> checks that when the file is read).</remarks>
    public PublishedComparison ComparePublished(PublishedRun published) => PublishedComparison.Compare(published,
        Results(Configurations.First(c => c.Id == published.ConfigurationId).Runs), Claims.PublishedMetrics, Claims.MinimumSeeds);

    public Experiment Experiment { get; }
    public IReadOnlyList<RunConfig> Runs { get; }
    public IReadOnlyList<ConfigurationRuns> Configurations { get; }
    /// <summary>The experiment's baselines: verified and received files, both tiers'.</summary>
    public BaselineFolder Baselines { get; }
    public RunPool Pool { get; }

    /// <summary>The run store in use, or null when runs are all trained.</summary>
    public StoredRuns? StoredRuns { get; }

    /// <summary>The stores evaluated from (<c>--from</c>), or null.</summary>
    public MergedStores? Merged { get; }

    /// <summary>The results read from a store rather than trained (the run store's reused runs, or every run of merged stores):
    /// what <c>--verify</c> draws from.</summary>
    public IReadOnlyList<RunResult> Reused => StoredRuns?.Reused ?? Merged?.Reused ?? [];

    /// <summary>The store entry a reused run was read from.</summary>
    public string EntryPath(RunConfig run) =>
        Merged?.PathOf(run) ?? StoredRuns?.Store.PathOf(StoredRuns.KeyOf(run).Hash) ?? throw new InvalidOperationException("The session reads no store.");
    public EnsembleTier Ensemble { get; }

    public double Cost(RunConfig config) => FlopCount.ForRun(config, _data.Dataset.Features, _data.Dataset.Classes);

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
        var failed = runs.Select(run => (Run: run, Error: Pool.Run(run).Exception?.InnerException)).Where(f => f.Error is not null).ToList();
        if (failed.FirstOrDefault(f => f.Error is not TrainingDivergedException).Error is { } other) ExceptionDispatchInfo.Throw(other);
        return failed.Select(f => (f.Run, Error: (TrainingDivergedException)f.Error!))
            .Select(f => new DivergedRun(f.Run, f.Error.Epoch, f.Error.Batch, f.Error.Message)).ToList();
    }

    public ExactCheck VerifyExact(RunConfig run) => new(run, ExactOutcome(run));

    private ExactOutcome ExactOutcome(RunConfig run)
    {
        // Evaluating merged stores trains nothing: a difference from the baseline stays an unconfirmed regression.
        var outcome = ExactTier.Verify(Result(run), Baselines, Pool.CanTrain ? () => Pool.Rerun(run).GetAwaiter().GetResult() : null);
        if (outcome.Replacement is not { } confirmed) return outcome;
        Pool.Adopt(confirmed);
        if (StoredRuns?.WasReused(run.RunId) != true) return outcome;
        // The first result was read from the run store, not trained here: what disagreed with the fresh training is the
        // stored entry (altered, or stored by a build the key did not tell apart). Replace it, and say so; still a failure.
        var path = StoredRuns.Store.PathOf(StoredRuns.KeyOf(run).Hash);
        StoredRuns.Keep(confirmed);
        return outcome with
        {
            Message = $"Run store fault: the result of {run.RunId} was read from {path}, and a training in this process matches the baseline " +
                      "where the stored bits do not. The entry has been replaced by the fresh training; run reproduce --verify to check the rest " +
                      "of the store.\n" + outcome.Message,
        };
    }

    public EnsembleCheck VerifyEnsemble(ConfigurationRuns configuration)
    {
        var results = Results(configuration.Runs);
        return new(configuration, Ensemble.Verify(EnsembleEntry.From(configuration.Id, results), results[0].Fingerprint.Comparable()));
    }

    /// <summary>Verified files and ensemble entries that no run or configuration of the experiment produces.</summary>
    public IReadOnlyList<string> OrphanedBaselines()
    {
        var runIds = Runs.Select(r => r.RunId).ToHashSet();
        var orphans = Baselines.VerifiedRunIds().Where(id => !runIds.Contains(id)).Select(id => Baselines.VerifiedPath(id)).ToList();
        var ensemblePath = Baselines.VerifiedPath(BaselineFolder.EnsembleName);
        if (File.Exists(ensemblePath))
        {
            var ids = Configurations.Select(c => c.Id).ToHashSet();
            orphans.AddRange(EnsembleBaseline.Read(ensemblePath).Configurations
                .Where(c => !ids.Contains(c.ConfigurationId)).Select(c => $"{ensemblePath}: configuration {c.ConfigurationId}"));
        }
        return orphans;
    }

    public void Dispose() => Pool.Dispose();
}

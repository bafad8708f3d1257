using Harness.Baselines;
using Harness.Claims;
using Harness.Config;
using Harness.Data;
using Harness.Grid;
using Harness.History;
using Harness.Native;
using Harness.Training;

namespace Harness.Reproduction;

/// <summary>
/// One experiment, reproduced: its runs (trained on demand, once each), both baseline tiers and the baselines'
/// inventory. The NUnit tests and the command line are two front ends over this one code path.
/// </summary>
public sealed class ExperimentSession : IDisposable
{
    private readonly SplitCache _data;
    private readonly Lazy<ClaimSet> _claims;
    private readonly Lazy<IReadOnlyList<PublishedRun>> _published;

    public ExperimentSession(Experiment experiment, BaselineStore store, int workers, Func<RunConfig, TrainingObserver>? observer = null)
    {
        // The profile is the process's, fixed when libtorch loaded; runs trained under another would be compared wrongly.
        if (TorchRuntime.Profile is { } inForce && inForce != experiment.Numerics)
            throw new InvalidOperationException(
                $"Experiment {experiment.Name} asks for the '{experiment.Numerics.Name}' numerics profile, but this process runs '{inForce.Name}'.");
        Experiment = experiment;
        Runs = ExperimentGrid.Runs(experiment);
        Configurations = ExperimentGrid.Configurations(experiment);
        Store = store;
        _data = new SplitCache(ImageDataset.Load(DataLocator.Locate(experiment.DataDirectory, MnistFiles.All)));
        Pool = new RunPool(_data.For, workers, observer);
        Ensemble = new EnsembleTier(store, experiment.Name, Configurations.Select(c => c.Id).ToList(), experiment.EnsembleFamilyAlpha);
        _claims = new Lazy<ClaimSet>(() => ClaimLoader.Load(experiment.Name));
        // Optional: not every experiment reproduces a published one.
        _published = new Lazy<IReadOnlyList<PublishedRun>>(() => File.Exists(store.PublishedPath) ? PublishedRun.Read(store.PublishedPath) : []);
    }

    /// <summary>The experiment's registered claims (<c>claims.json</c> beside its definition).</summary>
    public ClaimSet Claims => _claims.Value;

    /// <summary>The runs the original author published (<c>baselines/&lt;experiment&gt;/published.json</c>).</summary>
    public IReadOnlyList<PublishedRun> Published => _published.Value;

    /// <summary>Decides a claim from the runs its comparisons select (and only those are trained).</summary>
    public ClaimOutcome EvaluateClaim(string claimId)
    {
        var claim = Claims.Claims.FirstOrDefault(c => c.Id == claimId)
            ?? throw new ArgumentException($"{Claims.Path} has no claim '{claimId}'.", nameof(claimId));
        var filters = claim.Parts.SelectMany(p => new[] { p.Where, p.A, p.B, p.C, p.D }).OfType<RunFilter>().ToList();
        var needed = Runs.Where(run => filters.Any(f => f.Matches(run))).ToList();
        return ClaimEvaluator.Evaluate(claim, Claims, Results(needed));
    }

    /// <summary>The published run of a configuration against its reproduced seeds.</summary>
    public PublishedComparison ComparePublished(string configurationId)
    {
        var published = Published.FirstOrDefault(p => p.ConfigurationId == configurationId)
            ?? throw new ArgumentException($"{Store.PublishedPath} has no run for {configurationId}.", nameof(configurationId));
        return PublishedComparison.Compare(published, Results(Configuration(configurationId).Runs), Claims.PublishedMetrics, Claims.MinimumSeeds);
    }

    public Experiment Experiment { get; }
    public IReadOnlyList<RunConfig> Runs { get; }
    public IReadOnlyList<ConfigurationRuns> Configurations { get; }
    public BaselineStore Store { get; }
    public RunPool Pool { get; }
    public EnsembleTier Ensemble { get; }

    public static ExperimentSession Open(string experiment, BaselinePolicy policy, int? workers = null,
        IReadOnlyDictionary<string, string?>? overrides = null, Func<RunConfig, TrainingObserver>? observer = null)
    {
        var definition = ExperimentLoader.Load(experiment, overrides);
        return new ExperimentSession(definition, BaselineStore.ForExperiment(definition.Name, policy),
            workers ?? RunScheduler.DefaultWorkers, observer);
    }

    public RunConfig Run(string runId) => Runs.FirstOrDefault(r => r.RunId == runId)
        ?? throw new ArgumentException($"Experiment {Experiment.Name} has no run '{runId}'.", nameof(runId));

    public ConfigurationRuns Configuration(string id) => Configurations.FirstOrDefault(c => c.Id == id)
        ?? throw new ArgumentException($"Experiment {Experiment.Name} has no configuration '{id}'.", nameof(id));

    public double Cost(RunConfig config) => FlopCount.ForRun(config, _data.Dataset.Features, _data.Dataset.Classes);

    public RunResult Result(RunConfig run) => Pool.Run(run).GetAwaiter().GetResult();

    public IReadOnlyList<RunResult> Results(IReadOnlyList<RunConfig> runs) => Pool.RunAll(runs, Cost);

    public ExactOutcome VerifyExact(string runId)
    {
        var run = Run(runId);
        var outcome = ExactTier.Verify(Result(run), Store, () => Pool.Rerun(run).GetAwaiter().GetResult());
        if (outcome.Replacement is { } confirmed) Pool.Adopt(confirmed);
        return outcome;
    }

    public EnsembleOutcome VerifyEnsemble(string configurationId)
    {
        var configuration = Configuration(configurationId);
        var results = Results(configuration.Runs);
        return Ensemble.Verify(EnsembleEntry.From(configuration.Id, results), results[0].Fingerprint.Comparable());
    }

    /// <summary>Verified files and ensemble entries that no run or configuration of the experiment produces.</summary>
    public IReadOnlyList<string> OrphanedBaselines()
    {
        var runIds = Runs.Select(r => r.RunId).ToHashSet();
        var orphans = Store.VerifiedRunIds().Where(id => !runIds.Contains(id)).Select(id => Store.VerifiedPath(id)).ToList();
        var ensemblePath = Store.VerifiedPath(BaselineStore.EnsembleName);
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

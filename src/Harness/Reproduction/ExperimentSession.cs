using Harness.Baselines;
using Harness.Claims;
using Harness.Config;
using Harness.Settings;
using Harness.Grid;
using Harness.Native;
using Harness.Store;
using Harness.Training;

namespace Harness.Reproduction;

/// <summary>
/// One experiment, ready to reproduce: its grid, its claims and published runs, its baselines, where its results come
/// from (<see cref="Source"/>), and one verifier per check, each taking the object it checks. The NUnit tests and the
/// command line are two front ends over these same objects.
/// </summary>
internal sealed class ExperimentSession : IDisposable
{
    /// <param name="runs">The run store to read and fill, or null to train everything.</param>
    /// <param name="warnings">Where the run store's warnings go [default: standard error].</param>
    /// <param name="from">Stores to evaluate from without training (<c>--from</c>): every run must be in one of them.</param>
    public ExperimentSession(ExperimentFolder folder, BaselineFolder baselines, int workers, Func<RunConfig,
        TrainingObserver>? observer = null,
        RunStore? runs = null, TextWriter? warnings = null, IReadOnlyList<RunStore>? from = null)
    {
        var experiment = folder.Experiment;
        if (TorchRuntime.Conflict(experiment.Numerics) is { } conflict)
            throw new InvalidOperationException($"Experiment {experiment.Name}: {conflict}.");
        Experiment = experiment;
        Runs = ExperimentGrid.Runs(experiment);
        Configurations = ExperimentGrid.Configurations(experiment);
        Claims = folder.Claims;
        Published = folder.Published;
        PublishedSetAside = folder.PublishedSetAside;
        Baselines = baselines;
        Source = new RunSource(experiment, Runs, workers, observer, runs, warnings, from);
        Exact = new ExactVerifier(Source, baselines);
        Ensemble =
            new EnsembleVerifier(Source,
                new EnsembleTier(baselines, experiment.Name, [.. Configurations.Select(c => c.Id)], experiment.EnsembleFamilyAlpha));
        Judge = new ClaimJudge(Source, Claims, Runs);
        PublishedRuns = new PublishedVerifier(Source, Claims, Configurations);
    }

    public Experiment Experiment { get; }
    public IReadOnlyList<RunConfig> Runs { get; }
    public IReadOnlyList<ConfigurationRuns> Configurations { get; }

    /// <summary>The experiment's registered claims (<c>claims.json</c> beside its definition; none when it has no such file).</summary>
    public ClaimSet Claims { get; }

    /// <summary>The runs the original author published (<c>published.json</c> beside the definition; optional) that this
    /// session's configurations can be compared with.</summary>
    public IReadOnlyList<PublishedRun> Published { get; }

    /// <summary>The published runs whose settings overrides took from every configuration: never compared.</summary>
    public IReadOnlyList<SetAsidePublishedRun> PublishedSetAside { get; }

    /// <summary>The experiment's baselines: verified and received files, both tiers'.</summary>
    public BaselineFolder Baselines { get; }

    public RunSource Source { get; }
    public ExactVerifier Exact { get; }
    public EnsembleVerifier Ensemble { get; }
    public ClaimJudge Judge { get; }
    public PublishedVerifier PublishedRuns { get; }

    public void Dispose() => Source.Dispose();
}

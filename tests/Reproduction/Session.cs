using Harness.Baselines;
using Harness.Claims;
using Harness.Config;
using Harness.Grid;
using Harness.Reproduction;

namespace Harness.Tests.Reproduction;

/// <summary>The experiment under test: one session per test process, so each run trains once and every test shares it.</summary>
internal static class Session
{
    public const string Experiment = ExperimentLoader.DefaultExperiment;

    private static readonly Lazy<ExperimentSession> Shared = new(() => ExperimentSession.Open(Experiment, BaselinePolicy.FromEnvironment()));

    public static ExperimentSession Current => Shared.Value;

    /// <summary>The experiment's definition alone, for test discovery: no data, no training, no TorchSharp.</summary>
    public static Experiment Definition => ExperimentLoader.Load(Experiment);

    public static IEnumerable<TestCaseData> Runs() =>
        ExperimentGrid.Runs(Definition).Select(run => new TestCaseData(run.RunId).SetArgDisplayNames(run.RunId).SetCategory("Reproduction"));

    /// <summary>One test per claim in claims.json, named by its id.</summary>
    public static IEnumerable<TestCaseData> Claims() =>
        ClaimLoader.Load(Experiment).Claims.Select(c => new TestCaseData(c.Id).SetArgDisplayNames(c.Id).SetCategory("Reproduction").SetCategory("Claims"));

    /// <summary>One test per configuration the tutorial published a run of.</summary>
    public static IEnumerable<TestCaseData> PublishedConfigurations() =>
        PublishedRun.Read(BaselineStore.ForExperiment(Experiment, BaselinePolicy.FromEnvironment()).PublishedPath)
            .Select(p => new TestCaseData(p.ConfigurationId).SetArgDisplayNames(p.ConfigurationId).SetCategory("Reproduction").SetCategory("Claims"));

    public static IEnumerable<TestCaseData> Configurations() =>
        ExperimentGrid.Configurations(Definition).Select(c => new TestCaseData(c.Id).SetArgDisplayNames(c.Id).SetCategory("Reproduction"));
}

using Harness.Baselines;
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

    public static IEnumerable<TestCaseData> Configurations() =>
        ExperimentGrid.Configurations(Definition).Select(c => new TestCaseData(c.Id).SetArgDisplayNames(c.Id).SetCategory("Reproduction"));
}

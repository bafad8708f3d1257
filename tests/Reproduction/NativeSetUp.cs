using Harness.Native;
using Harness.TestLogger;
using Harness.Tests.Reproduction;

// No namespace: NUnit runs this once before every test in the assembly.
[SetUpFixture]
public sealed class NativeSetUp
{
    /// <summary>
    /// The experiments' numerics profile (experiment.json's "numerics", or HARNESS__numerics), in force before anything
    /// touches TorchSharp. One process has one profile: when experiments disagree the default experiment's wins, and the
    /// others report themselves as not run, with the command that runs them. Without any experiment that loads, the portable
    /// profile (the tests still need TorchSharp).
    /// </summary>
    [OneTimeSetUp]
    public void InitializeTorch()
    {
        // An experiment whose files do not load is a fixture that cannot run, with its errors as the reason
        // (Experiments.Fixtures); it must not fail this set-up too, with a stack trace, for every test in the assembly.
        var loading = Experiments.NamesOrPaths().Where(e => Experiments.Problem(e) is null).ToList();
        var profiles = loading.Select(e => Experiments.Folder(e).Experiment.Numerics).Distinct().ToList();
        var fallback = loading.Contains(Harness.Config.ExperimentLoader.DefaultExperiment)
            ? Experiments.Folder(Harness.Config.ExperimentLoader.DefaultExperiment).Experiment.Numerics
            : NumericsProfile.Portable;
        TorchRuntime.Initialize(profiles.Count == 1 ? profiles[0] : fallback);
    }

    /// <summary>
    /// Each experiment's conclusions, once every test has run: the test run ends the way <c>reproduce</c> does. Written to
    /// NUnit's progress stream, which the harness's logger prints at the default verbosity (tests/Logger).
    /// </summary>
    [OneTimeTearDown]
    public void PrintConclusions()
    {
        foreach (var tested in Experiments.Opened())
        {
            tested.Dispose();
            if (tested.Conclusions() is { } block) TestContext.Progress.WriteLine(HarnessLogger.Marker + block);
        }
    }
}

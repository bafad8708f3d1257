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
    /// others report themselves as not run, with the command that runs them.
    /// </summary>
    [OneTimeSetUp]
    public void InitializeTorch()
    {
        var profiles = Experiments.NamesOrPaths().Select(e => Experiments.Folder(e).Experiment.Numerics).Distinct().ToList();
        TorchRuntime.Initialize(profiles.Count == 1 ? profiles[0] : Experiments.Folder(Harness.Config.ExperimentLoader.DefaultExperiment).Experiment.Numerics);
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

using Harness.Baselines;
using Harness.Config;

namespace Harness.Tests.Unit.Cli;

/// <summary><c>harness experiments</c>, run as the real program: the shipped experiments, then HARNESS_EXPERIMENTS's.</summary>
public sealed class ExperimentsCommandTests
{
    private TemporaryExperiment _experiment = null!;

    [SetUp] public void Create() => _experiment = new TemporaryExperiment();
    [TearDown] public void Delete() => _experiment.Dispose();

    private static (int ExitCode, string Output) Experiments(string? folders, params string[] args) =>
        HarnessProcess.Run(new Dictionary<string, string?> { [ExperimentCatalog.Variable] = folders }, ["experiments", .. args]);

    [Test]
    public void Lists_each_shipped_experiment_with_its_runs_baselines_source_and_the_source_claims()
    {
        var (exitCode, output) = Experiments(null);

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("  keras-tutorial-05: keras tutorial 05: depth, sample size, dropout\n" +
            "    160 runs: 16 configuration(s) × 10 seed(s), in 2 grid(s) (tutorial, sample-size); numerics portable\n" +
            $"    baselines: 160 run(s) verified in " +
            $"{Path.Combine(ExperimentFiles.Repository.Root(), ExperimentFiles.BaselinesFolder, "keras-tutorial-05")}\n"));
        Assert.That(output, Does.Contain("    claim: \"With few samples, the deeper the network, the more it overfits.\" " +
                                         "(deeper-overfits-at-n1000: registered Supported)"));
        Assert.That(output, Does.Contain("  keras-mnist-mlp: ").And.Contain("  keras-mnist-cnn: "));
        Assert.That(output, Does.Contain("HARNESS_EXPERIMENTS is not set"));
    }

    [Test]
    public void An_experiment_in_HARNESS_EXPERIMENTS_is_listed_and_opens_by_name_with_its_baselines_beside_it()
    {
        var (exitCode, output) = Experiments(_experiment.Directory);

        Assert.That(exitCode, Is.Zero, output);
        var name = Path.GetFileName(_experiment.Directory);
        Assert.That(output, Does.Contain($"From HARNESS_EXPERIMENTS: {_experiment.Directory}\n  {name}: temporary\n" +
            "    9 runs: 5 configuration(s) × 2 or 1 seed(s), in 2 grid(s) (first, second); numerics portable\n" +
            $"    baselines: 0 run(s) verified in {Path.Combine(_experiment.Directory, "baselines")}\n" +
            "    source: (not given)\n"));
        Assert.That(output, Does.Contain("    claims: none (no claims.json)"));

        // Opened by name: accept (outside CI, which refuses it) looks in the baselines beside the experiment.
        var (acceptExit, accepted) = HarnessProcess.Run(
            new Dictionary<string, string?> { ["CI"] = null, [ExperimentCatalog.Variable] = Path.GetDirectoryName(_experiment.Directory) +
                "/missing-so-refused" }, "accept", "--experiment", name);
        Assert.That(acceptExit, Is.EqualTo(2), accepted);
        Assert.That(accepted, Does.Contain("error: HARNESS_EXPERIMENTS: expected folders that hold experiments"));

        (acceptExit, accepted) = HarnessProcess.Run(
            new Dictionary<string, string?> { ["CI"] = null, [ExperimentCatalog.Variable] = _experiment.Directory },
            "accept", "--experiment", name);
        Assert.That(acceptExit, Is.Zero, accepted);
        Assert.That(accepted, Does.Contain($"nothing to accept in {Path.Combine(_experiment.Directory, "baselines")}"));
    }

    [Test]
    public void A_name_the_shipped_experiments_already_have_is_shown_as_shadowed()
    {
        var folders = TestScratch.Path("harness-shadow");
        var shadow = Path.Combine(folders, ExperimentLoader.DefaultExperiment);
        Directory.CreateDirectory(shadow);
        File.Copy(Path.Combine(_experiment.Directory, ExperimentFiles.DefinitionFile),
            Path.Combine(shadow, ExperimentFiles.DefinitionFile));
        try
        {
            var (exitCode, output) = Experiments(folders);

            Assert.That(exitCode, Is.Zero, output);
            Assert.That(output, Does.Contain($"  {ExperimentLoader.DefaultExperiment}: not opened by name, the one shipped comes first; " +
                                             $"open it by path, {shadow}"));
        }
        finally
        {
            Directory.Delete(folders, recursive: true);
        }
    }

    [Test]
    public void An_experiment_that_does_not_load_is_listed_with_its_errors_and_exits_2()
    {
        File.WriteAllText(Path.Combine(_experiment.Directory, ExperimentFiles.DefinitionFile), "{ \"name\": \"broken\", \"grids\": 3 }");

        var (exitCode, output) = Experiments(_experiment.Directory);

        Assert.That(exitCode, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain($"  {Path.GetFileName(_experiment.Directory)}: does not load"));
        Assert.That(output, Does.Contain("error: ").And.Contain(Path.Combine(_experiment.Directory, ExperimentFiles.DefinitionFile)));
        Assert.That(output, Does.Contain("  keras-tutorial-05: "), "the others are still listed");
        Assert.That(output, Does.Not.Contain("   at "));
    }
}

using Harness.Cli;
using Harness.Config;
using Harness.Config.Settings;
using Harness.Native;
using Harness.Reproduction;

namespace Harness.Tests.Unit.Cli;

/// <summary><c>harness bench</c>'s choice of runs and the command line it hands its child processes; nothing here trains.</summary>
public sealed class BenchCommandTests
{
    [Test]
    public void The_tutorial_bench_trains_the_same_ten_runs_as_the_hand_written_grid_did()
    {
        var experiment = ExperimentFolder.Open(ExperimentLoader.DefaultExperiment, baselines: Path.GetTempPath()).Experiment;
        var before = (from layers in new[] { 1, 3, 5, 7, 9 }
                      from dropout in new[] { 0.0, 0.2 }
                      select new RunConfig { Layers = layers, Dropout = dropout, Seed = 7 }).ToList();

        var now = BenchCommand.Configurations(experiment, seed: 7);

        Assert.That(now.Select(c => c.RunId), Is.EqualTo(before.Select(c => c.RunId)), "same runs, in the same order");
        for (var i = 0; i < now.Count; i++)
            foreach (var setting in RunSettings.All)
                Assert.That(RunSetting.Format(setting.Effective(now[i])), Is.EqualTo(RunSetting.Format(setting.Effective(before[i]))),
                    $"{now[i].RunId}: {setting.Name}");
    }

    [Test]
    public void An_experiment_folder_is_benched_by_its_first_grid_with_the_given_seed()
    {
        using var folder = new TemporaryExperiment();
        var experiment = ExperimentFolder.Open(folder.Directory).Experiment;

        var configs = BenchCommand.Configurations(experiment, seed: 3);

        Assert.That(configs, Has.Count.EqualTo(4));
        Assert.That(configs.Select(c => (c.Layers, c.Optimizer, c.NTrain, c.Seed, c.Width)).Distinct().Count(), Is.EqualTo(4));
        Assert.That(configs.All(c => c is { NTrain: 40, Seed: 3, Width: 8, Epochs: 2 }), Is.True, "the second grid is not benched");
    }

    [Test]
    public void A_child_is_given_the_same_bench_for_one_profile()
    {
        var request =
            new BenchCommand.Request("some/experiment", Seed: 4, Workers: 1, ReplayEpochs: 2, DataDirectory: "/d", Numerics: null)
            {
                Overrides = new Dictionary<string, string?> { ["run:epochs"] = "1", ["run:nTrain"] = "6000" },
            };

        var child = CommandLine.Create().Parse(request.ChildArguments(NumericsProfile.Native).ToList());

        Assert.That(child.Errors, Is.Empty);
        Assert.That(child.CommandResult.Command.Name, Is.EqualTo("bench"));
        string Value(string option) => child.GetValue<object>(option)?.ToString() ?? "";
        Assert.That(
            new[] { "--experiment", "--seed", "--workers", "--replay-epochs", "--data-dir", "--numerics" }.Select(Value),
            Is.EqualTo(new[] { "some/experiment", "4", "1", "2", "/d", "native" }));
        Assert.That(child.GetValue<IReadOnlyDictionary<string, string?>>("--set"), Is.EquivalentTo(request.Overrides),
            "the child benches the experiment as overridden");
    }
}

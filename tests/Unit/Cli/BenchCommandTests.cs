using Harness.Cli;
using Harness.Config;
using Harness.Settings;
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
    public void A_csharp_model_is_refused_with_exit_2_naming_its_class_before_anything_loads()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = CommandLine.Execute(["bench", "--experiment", "csharp-model-example", "--numerics", "portable"], output, error);

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Usage), error.ToString());
        Assert.That(error.ToString(), Does.StartWith("error: --experiment csharp-model-example: bench compares training time with a " +
            "bound computed from a layer list's matrix products on MNIST, and its model is the C# class Harness.Examples.TwoLayerNet, " +
            "which has no layer list. Time its runs with reproduce instead"));
        Assert.That(output.ToString(), Is.Empty, "no JSON line: nothing was measured");
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

    [Test]
    public void A_profiled_child_is_asked_for_the_profile_too()
    {
        var request =
            new BenchCommand.Request("e", Seed: 1, Workers: 1, ReplayEpochs: 1, DataDirectory: null, Numerics: null, Profile: true);
        var child = CommandLine.Create().Parse(request.ChildArguments(NumericsProfile.Portable).ToList());
        Assert.That(child.GetValue<bool>("--profile"), Is.True);
    }

    /// <summary>The whole bench of one profile, in this process, on the temporary experiment's first grid (4 tiny runs) and
    /// 40 synthetic images: its line carries both bounds and every phase, and they hold together.</summary>
    [Test]
    public void A_profiled_bench_reports_both_bounds_and_every_phase()
    {
        using var folder = new TemporaryExperiment();
        using var data = new IdxFixtures();
        data.WriteDataset(train: 40, test: 20);
        var output = new StringWriter();
        var request = new BenchCommand.Request(folder.Directory, Seed: 1, Workers: 2, ReplayEpochs: 1, data.Directory,
            NumericsProfile.Default, Profile: true);

        Assert.That(BenchCommand.Execute(request, output, TextWriter.Null), Is.EqualTo(ExitCodes.Done));

        var line = System.Text.Json.Nodes.JsonNode.Parse(output.ToString().Trim().Split('\n')[^1])!;
        double Value(string key) => line[key]!.GetValue<double>();
        var phases = line["profile"]!["phases"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(Value("roofline_seconds"), Is.GreaterThan(Value("bound_seconds")), "the roofline adds the traffic");
            Assert.That(Value("traffic_bytes"), Is.GreaterThan(0));
            Assert.That(line["bandwidth_gbs"]!.AsObject().Count, Is.EqualTo(Harness.Bench.StreamBandwidth.WorkingSets.Count));
            Assert.That(phases.Select(p => p.Key), Is.EquivalentTo(Enum.GetValues<Harness.Profiling.Phase>().Select(BenchPhaseTable.Key)));
            var matmulBounds = new[] { "forward_matmul", "backward_matmul", "validation_matmul" }
                .Sum(k => phases[k]!["bound"]!.GetValue<double>());
            Assert.That(matmulBounds, Is.GreaterThanOrEqualTo(Value("bound_seconds")), "the matmul phases carry the FLOP bound");
            Assert.That(phases.Sum(p => p.Value!["seconds"]!.GetValue<double>()),
                Is.LessThanOrEqualTo(line["profile"]!["wall_seconds"]!.GetValue<double>() * 1.0001), "runs' time / workers ≤ wall");
        });
    }
}

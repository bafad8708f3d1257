using Harness.Config;
using Harness.Settings;
using Harness.Grid;

namespace Harness.Tests.Unit.Grid;

public sealed class ExperimentGridTests
{
    private static Experiment With(params GridSpec[] grids) =>
        new("x", "x", "", "mnist", Harness.Native.NumericsProfile.Portable, grids, 0.01, null, "x.json",
        new FigureLayout(null, null, RunSettings.Layers));

    private static GridSpec Grid(int[] layers, double[] dropout, int[] nTrain, int first, int count) =>
        new("g", "",
            [new Axis(RunSettings.Layers, layers.Cast<object>().ToList()), new Axis(RunSettings.Dropout, dropout.Cast<object>().ToList()),
            new Axis(RunSettings.NTrain, nTrain.Cast<object>().ToList())], first, count, new RunConfig());

    [Test]
    public void Expands_every_combination_with_every_seed()
    {
        var runs = ExperimentGrid.Runs(With(Grid([1, 3], [0, 0.2], [1000], first: 1, count: 3)));
        Assert.That(runs, Has.Count.EqualTo(2 * 2 * 3));
        Assert.That(runs[0].RunId, Is.EqualTo("layers-1_dropout-0_n-1000_seed-1"));
        Assert.That(runs[^1].RunId, Is.EqualTo("layers-3_dropout-0.2_n-1000_seed-3"));
    }

    [Test]
    public void A_run_listed_by_two_grids_is_one_run()
    {
        var runs = ExperimentGrid.Runs(With(Grid([1], [0], [1000], 1, 2), Grid([1, 5], [0], [1000], 1, 2)));
        Assert.That(runs.Select(r => r.RunId), Is.Unique);
        Assert.That(runs, Has.Count.EqualTo(4));
    }

    [Test]
    public void Configurations_group_the_seeds()
    {
        var configurations = ExperimentGrid.Configurations(With(Grid([1, 3], [0.2], [1000, 6000], 1, 4)));
        Assert.That(configurations.Select(c => c.Id), Is.EqualTo(new[]
            { "layers-1_dropout-0.2_n-1000", "layers-1_dropout-0.2_n-6000", "layers-3_dropout-0.2_n-1000",
                "layers-3_dropout-0.2_n-6000" }));
        Assert.That(configurations,
            Has.All.Matches<ConfigurationRuns>(c => c!.Runs.Count == 4 && c.Runs.All(r => r.ConfigurationId == c.Id)));
    }

    [Test]
    public void Non_default_knobs_enter_the_id_so_runs_never_collide()
    {
        var config = new RunConfig { Layers = 9, Dropout = 0.2, LearningRate = 0.003, Semantics = Semantics.PyTorch };
        Assert.That(config.RunId, Is.EqualTo("layers-9_dropout-0.2_n-1000_lr-0.003_semantics-pytorch_seed-1"));
    }

    [Test]
    public void Any_run_setting_can_be_an_axis()
    {
        var grid = new GridSpec("g", "", [new Axis(RunSettings.Width, [64, 128]), new Axis(RunSettings.LearningRate, [0.01, 0.1])], 1, 2,
            new RunConfig { Layers = 2, Optimizer = "sgd", Momentum = 0.9 });
        var runs = ExperimentGrid.Runs(With(grid));
        Assert.That(runs.Select(r => r.RunId), Is.EqualTo(new[]
        {
            "layers-2_dropout-0_n-1000_width-64_optimizer-sgd_momentum-0.9_seed-1",
                "layers-2_dropout-0_n-1000_width-64_optimizer-sgd_momentum-0.9_seed-2",
            "layers-2_dropout-0_n-1000_width-64_optimizer-sgd_lr-0.1_momentum-0.9_seed-1",
            "layers-2_dropout-0_n-1000_width-64_optimizer-sgd_lr-0.1_momentum-0.9_seed-2",
            "layers-2_dropout-0_n-1000_width-128_optimizer-sgd_momentum-0.9_seed-1",
            "layers-2_dropout-0_n-1000_width-128_optimizer-sgd_momentum-0.9_seed-2",
            "layers-2_dropout-0_n-1000_width-128_optimizer-sgd_lr-0.1_momentum-0.9_seed-1",
            "layers-2_dropout-0_n-1000_width-128_optimizer-sgd_lr-0.1_momentum-0.9_seed-2",
        }), "lr 0.01 is SGD's default, so it stays out of the id, as every default does");
        Assert.That(runs[2].Hyperparameter("learningRate"), Is.EqualTo(0.1));
        Assert.That(runs[0].Hyperparameter("learningRate"), Is.EqualTo(0.01));
    }

    [Test]
    public void Today_s_ids_read_as_they_always_have()
    {
        Assert.That(new RunConfig { Layers = 9, Dropout = 0.2, Seed = 10 }.RunId, Is.EqualTo("layers-9_dropout-0.2_n-1000_seed-10"));
        Assert.That(new RunConfig { Layers = 1, Dropout = 0.2, NTrain = 40, NValidation = 20, Epochs = 3, BatchSize = 8, Width = 8 }.RunId,
            Is.EqualTo("layers-1_dropout-0.2_n-40_nval-20_epochs-3_batch-8_width-8_seed-1"));
        Assert.That(new RunConfig { LearningRate = 0.001 }.RunId, Is.EqualTo("layers-1_dropout-0_n-1000_seed-1"),
            "Adam's default lr, given explicitly");
    }
}

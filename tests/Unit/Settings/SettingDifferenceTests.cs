using Harness.Settings.Layers;
using Harness.Settings;

namespace Harness.Tests.Unit.Settings;

/// <summary>What makes two runs runs of one configuration: every setting but the seed, as they train with it.</summary>
public sealed class SettingDifferenceTests
{
    [Test]
    public void Runs_a_seed_apart_and_a_default_written_out_do_not_differ()
    {
        var run = new RunConfig { Seed = 1 };

        Assert.That(SettingDifference.Between(run, run with { Seed = 7, LearningRate = 0.001 }), Is.Empty,
            "Adam's learning rate is 0.001 whether written or not");
    }

    [Test]
    public void Each_setting_trained_otherwise_is_named_with_both_values_in_run_id_order()
    {
        var run = new RunConfig { Epochs = 12, NTrain = 60000 };

        Assert.That(SettingDifference.Between(run, run with { Epochs = 1, NTrain = 600, Optimizer = "sgd" }), Is.EqualTo(new[]
        {
            new SettingDifference("nTrain", "60000", "600"),
            new SettingDifference("epochs", "12", "1"),
            new SettingDifference("optimizer", "adam", "sgd"),
            new SettingDifference("learningRate", "0.001", "0.01"),
            new SettingDifference("momentum", "none", "0"),
            new SettingDifference("nesterov", "none", "false"),
            new SettingDifference("beta1", "0.9", "none"),
            new SettingDifference("beta2", "0.999", "none"),
            new SettingDifference("epsilon", "1e-07", "none"),
        }), "another optimizer brings its own defaults and hyperparameters, each one the runs do not share");
    }

    [Test]
    public void A_layer_list_changed_whole_differs_as_the_model()
    {
        var model = new ModelSpec([new Dense("dense_1", 8, "relu"), new Dense("dense_2", 3, "softmax")]);
        var run = new RunConfig { Model = model };
        var wider = run with { Model = new ModelSpec([new Dense("dense_1", 16, "relu"), new Dense("dense_2", 3, "softmax")]) };

        var difference = SettingDifference.Between(run, wider).Single();

        Assert.That(difference.Setting, Is.EqualTo(SettingDifference.Model));
        Assert.That(difference.Value, Is.EqualTo(model.Describe()));
        Assert.That(difference.OtherValue, Is.EqualTo(wider.Model!.Describe()));
        Assert.That(SettingDifference.Between(run with { LayerValues = LayerValues.None.Set("dense_1.units", 16) }, wider), Is.Empty,
            "a layer value a grid sets and the same value declared train the same network");
    }
}

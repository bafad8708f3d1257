using Harness.Settings;
using Harness.Training.Optimizers;

namespace Harness.Tests.Unit.Settings;

public sealed class RunSettingsTests
{
    [Test]
    public void Every_setting_reads_back_what_it_sets()
    {
        var samples = new Dictionary<string, string>
        {
            ["layers"] = "3", ["dropout"] = "0.25", ["nTrain"] = "500", ["nValidation"] = "200", ["epochs"] = "4", ["batchSize"] = "32",
            ["width"] = "64", ["optimizer"] = "sgd", ["learningRate"] = "0.05", ["momentum"] = "0.9",
            ["nesterov"] = "true", ["rho"] = "0.8",
            ["beta1"] = "0.85", ["beta2"] = "0.99", ["epsilon"] = "1e-08", ["semantics"] = "pytorch", ["seed"] = "7",
        };
        Assert.That(samples.Keys, Is.EquivalentTo(RunSettings.All.Select(s => s.Name)), "a sample for every setting");
        foreach (var setting in RunSettings.All)
        {
            var value = setting.Parse(samples[setting.Name], out var error);
            Assert.That(error, Is.Null, setting.Name);
            var config = setting.Set(new RunConfig(), value!);
            Assert.That(RunSetting.Format(setting.Get(config)), Is.EqualTo(samples[setting.Name]), setting.Name);
        }
    }

    [Test]
    public void Names_tokens_and_file_keys_are_unique()
    {
        Assert.That(RunSettings.All.Select(s => s.Name), Is.Unique);
        Assert.That(RunSettings.All.Select(s => s.Token), Is.Unique);
        Assert.That(RunSettings.All.Select(s => s.FileKey), Is.Unique);
        Assert.That(RunSettings.All.Select(s => s.OptionName), Is.Unique);
        Assert.That(RunSettings.LearningRate.OptionName, Is.EqualTo("learning-rate"));
    }

    [Test]
    public void Every_optimizer_hyperparameter_is_a_setting()
    {
        var hyperparameters = RunSettings.All.Where(s => s.IsHyperparameter).Select(s => s.Name).ToList();
        Assert.That(OptimizerCatalog.All.SelectMany(o => o.Defaults.Keys).Distinct(), Is.SubsetOf(hyperparameters));
    }

    [TestCase("sgd", 0.01)]
    [TestCase("rmsprop", 0.001)]
    [TestCase("adagrad", 0.01)]
    [TestCase("adam", 0.001)]
    public void The_learning_rate_defaults_to_the_optimizer_s(string optimizer, double expected) =>
        Assert.That(new RunConfig { Optimizer = optimizer }.Hyperparameter("learningRate"), Is.EqualTo(expected));

    [Test]
    public void PyTorch_semantics_give_adam_torch_s_epsilon()
    {
        Assert.That(new RunConfig().Hyperparameter("epsilon"), Is.EqualTo(1e-7));
        Assert.That(new RunConfig { Semantics = Semantics.PyTorch }.Hyperparameter("epsilon"), Is.EqualTo(1e-8));
        Assert.That(new RunConfig { Semantics = Semantics.PyTorch, Optimizer = "rmsprop" }.Hyperparameter("epsilon"), Is.EqualTo(1e-7));
    }

    [Test]
    public void A_hyperparameter_the_optimizer_does_not_use_is_invalid_and_never_silently_dropped()
    {
        var config = new RunConfig { Optimizer = "adam", Momentum = 0.9, Rho = 0.5 };
        Assert.That(config.Validate(), Is.EqualTo(new[]
        {
            "momentum: optimizer 'adam' does not use it; adam uses learningRate, beta1, beta2, epsilon",
            "rho: optimizer 'adam' does not use it; adam uses learningRate, beta1, beta2, epsilon",
        }));
        Assert.That(() => config.Hyperparameter("momentum"), Throws.InvalidOperationException);
        Assert.That(new RunConfig { Optimizer = "sgd", Momentum = 0.9 }.Validate(), Is.Empty);
    }

    [Test]
    public void Out_of_range_values_are_refused_with_what_was_expected()
    {
        Assert.That(RunSettings.Dropout.Parse("1", out var error), Is.Null);
        Assert.That(error, Is.EqualTo("expected a number in [0, 1), found '1'"));
        Assert.That(RunSettings.Optimizer.Parse("lbfgs", out error), Is.Null);
        Assert.That(error, Is.EqualTo("expected sgd, rmsprop, adagrad, adadelta or adam, found 'lbfgs'"));
        Assert.That(RunSettings.Optimizer.Parse("RMSprop", out _), Is.EqualTo("rmsprop"), "Keras's spelling is accepted");
        Assert.That(new RunConfig { NTrain = 61000, NValidation = 0 }.Validate(60000, 10000), Is.EqualTo(new[]
        {
            "nValidation: expected an integer >= 1, found '0'",
            "nTrain: expected at most the 60000 training images the data has, found 61000",
        }));
    }
}

using Harness.Cli;
using Harness.Settings;

namespace Harness.Tests.Unit.Cli;

/// <summary><c>harness run</c>'s options are the run-settings registry: one per setting, parsed and applied by it.</summary>
public sealed class RunSettingOptionsTests
{
    private static System.CommandLine.ParseResult Parse(params string[] args) => CommandLine.Create().Parse(["run", .. args]);

    [Test]
    public void Every_setting_has_an_option_named_after_it()
    {
        var options = new RunSettingOptions().Options.Select(o => o.Name).ToList();
        Assert.That(options, Is.EqualTo(RunSettings.All.Select(s => "--" + s.OptionName)));
        Assert.That(options, Does.Contain("--learning-rate").And.Contain("--n-validation").And.Contain("--beta1"));
    }

    [Test]
    public void Given_options_are_applied_as_their_settings_read_them_and_the_rest_stay_unset()
    {
        var settings = new RunSettingOptions();
        var command = new System.CommandLine.RootCommand();
        foreach (var option in settings.Options) command.Add(option);

        var parsed =
            command.Parse(
                ["--layers", "3", "--optimizer", "SGD", "--nesterov", "true", "--momentum", "0.5", "--learning-rate",
                    "1e-2", "--semantics", "pytorch"]);
        var config = settings.Apply(parsed);

        Assert.That(parsed.Errors, Is.Empty);
        Assert.That(config, Is.EqualTo(new RunConfig
        {
            Layers = 3, Optimizer = "sgd", Nesterov = true, Momentum = 0.5, LearningRate = 0.01, Semantics = Semantics.PyTorch,
        }));
        Assert.That(settings.Apply(command.Parse([])), Is.EqualTo(new RunConfig()), "defaults shown in help are not applied as if given");
    }

    [Test]
    public void Validation_errors_name_the_option_not_the_setting()
    {
        var errors = RunSettingOptions.Errors(new RunConfig { NTrain = 50, Rho = 0.5 }, trainingSetSize: 40, validationSetSize: 10_000);

        Assert.That(errors, Has.Some.StartsWith("--rho: optimizer 'adam' does not use it"));
        Assert.That(errors, Has.Some.EqualTo("--n-train: expected at most the 40 training images the data has, found 50"));
    }

    [Test]
    public void Every_bad_value_is_reported_at_once()
    {
        var parsed = Parse("--layers", "0", "--dropout", "x", "--optimizer", "lbfgs", "--nesterov", "yes");
        Assert.That(parsed.Errors.Select(e => e.Message), Is.EquivalentTo(new[]
        {
            "--layers: expected an integer in [1, 1000], found '0'",
            "--dropout: expected a number in [0, 1), found 'x'",
            "--optimizer: expected sgd, rmsprop, adagrad, adadelta or adam, found 'lbfgs'",
            "--nesterov: expected true or false, found 'yes'",
        }));
    }
}

using Harness.Cli;
using Harness.Settings;

namespace Harness.Tests.Unit.Cli;

/// <summary>
/// The command line in-process, through <see cref="CommandLine.Execute"/> with string writers: help, usage errors and the
/// checks made before anything loads or trains. Nothing here trains.
/// </summary>
public sealed class CommandLineTests
{
    private static (int ExitCode, string Output, string Error) Execute(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CommandLine.Execute(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Test]
    public void Help_lists_every_command_and_exits_0()
    {
        var (exitCode, output, error) = Execute("--help");

        Assert.That(exitCode, Is.Zero, error);
        Assert.That(output, Does.Contain("Usage:").And.Contain("harness [command] [options]"));
        foreach (var command in new[] { "reproduce", "run", "bench", "accept", "register" }) Assert.That(output,
            Does.Contain($"  {command} "));
    }

    [TestCase("run", "--learning-rate <X>", "--optimizer <sgd|rmsprop|adagrad|adadelta|adam>", "--layers <N>", "[default: 1]",
        "--numerics <portable|native>")]
    [TestCase("reproduce", "--experiment <NAME|PATH>", "[default: keras-tutorial-05]", "--seeds <N>", "--set <KEY=VALUE>",
        "--baselines <DIR>", "--register", "--conclusions <brief|full>", "[default: brief]")]
    [TestCase("bench", "--experiment <NAME|PATH>", "--seed <N>", "--replay-epochs <N>", "[default: 3]", "--data-dir <DIR>")]
    [TestCase("accept", "--experiment <NAME|PATH>", "--run <ID>", "--baselines <DIR>")]
    [TestCase("register", "--experiment <NAME|PATH>", "--claim <ID>", "--verdict <supported|refuted|inconclusive", "--baselines <DIR>")]
    public void Each_command_has_help_listing_its_options_with_defaults(string command, params string[] expected)
    {
        foreach (var args in new[] { new[] { command, "--help" }, ["help", command] })
        {
            var (exitCode, output, error) = Execute(args);

            Assert.That(exitCode, Is.Zero, error);
            Assert.That(output, Does.Contain($"harness {command} [options]"));
            foreach (var text in expected) Assert.That(output, Does.Contain(text), string.Join(' ', args));
        }
    }

    [Test]
    public void Help_wins_over_other_mistakes_on_the_line()
    {
        var (exitCode, output, _) = Execute("run", "--layers", "two", "--help");
        Assert.That(exitCode, Is.Zero);
        Assert.That(output, Does.Contain("--learning-rate"));
    }

    [TestCase(new string[0], "error: Required command was not provided.")]
    [TestCase(new[] { "train" }, "error: unknown command 'train'; commands: reproduce, run, bench, accept")]
    [TestCase(new[] { "run", "--colour", "red" }, "error: unknown option '--colour' for 'harness run'")]
    [TestCase(new[] { "reproduce", "--run", "x" }, "error: unknown option '--run' for 'harness reproduce'")]
    [TestCase(new[] { "run", "--layers", "3", "--layers", "4" }, "'--layers'")]
    [TestCase(new[] { "run", "--layers" }, "'--layers'")]
    [TestCase(new[] { "run", "--layers", "two" }, "error: --layers: expected an integer in [1, 1000], found 'two'")]
    [TestCase(new[] { "run", "--learning-rate", "fast" }, "error: --learning-rate: expected a number > 0, found 'fast'")]
    [TestCase(new[] { "run", "--optimizer", "lbfgs" },
        "error: --optimizer: expected sgd, rmsprop, adagrad, adadelta or adam, found 'lbfgs'")]
    [TestCase(new[] { "run", "--nesterov", "maybe" }, "error: --nesterov: expected true or false, found 'maybe'")]
    [TestCase(new[] { "reproduce", "--seeds", "0" }, "error: --seeds: expected an integer in [1, 10000], found '0'")]
    [TestCase(new[] { "reproduce", "--workers", "x" }, "error: --workers: expected an integer in [1, 256], found 'x'")]
    [TestCase(new[] { "reproduce", "--conclusions", "verbose" }, "error: --conclusions: expected brief or full, found 'verbose'")]
    [TestCase(new[] { "reproduce", "--set", "epochs" }, "error: --set: expected key=value (e.g. grids:0:seeds:count=3), found 'epochs'")]
    [TestCase(new[] { "bench", "--numerics", "fast" }, "error: --numerics: expected portable or native, found 'fast'")]
    [TestCase(new[] { "bench", "--replay-epochs", "0" }, "error: --replay-epochs: expected an integer >= 1, found '0'")]
    public void A_usage_error_names_the_option_what_was_expected_and_found_and_exits_2(string[] args, string message)
    {
        var (exitCode, output, error) = Execute(args);

        Assert.That(exitCode, Is.EqualTo(2), error);
        Assert.That(error, Does.Contain(message));
        Assert.That(error, Does.Contain("--help'."), "points at the command's help");
        Assert.That(output, Is.Empty);
    }

    [Test]
    public void Every_usage_error_is_reported_at_once()
    {
        var (exitCode, _, error) = Execute("run", "--layers", "two", "--dropout", "2", "--semantics", "tf", "--colour", "red");

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--layers:").And.Contain("--dropout:").And.Contain("--semantics:").And.Contain("'--colour'"));
    }

    [Test]
    public void A_hyperparameter_the_optimizer_ignores_exits_2_naming_it_before_any_data_or_training()
    {
        // No data directory exists: the conflict must be reported before the data is looked for.
        var (exitCode, output, error) = Execute("run", "--optimizer", "adam", "--momentum", "0.9", "--data-dir", "/nonexistent/mnist");

        Assert.That(exitCode, Is.EqualTo(2), error);
        Assert.That(error,
            Does.Contain("error: --momentum: optimizer 'adam' does not use it; adam uses learningRate, beta1, beta2, epsilon"));
        Assert.That(error, Does.Not.Contain("/nonexistent/mnist"));
        Assert.That(output, Does.Not.Contain("Epoch"));
    }

    [TestCase("reproduce")]
    [TestCase("accept")]
    [TestCase("bench")]
    public void An_experiment_path_that_does_not_exist_exits_2_naming_it(string command)
    {
        var (exitCode, _, error) = Execute(command, "--experiment", "/nonexistent/path");

        Assert.That(exitCode, Is.EqualTo(2), error);
        Assert.That(error, Does.StartWith("error: ").And.Contain("/nonexistent/path"));
    }

    [Test]
    public void Accept_is_refused_on_ci()
    {
        using var folder = new TemporaryExperiment();
        var previous = Environment.GetEnvironmentVariable("CI");
        Environment.SetEnvironmentVariable("CI", "true");
        try
        {
            var (exitCode, _, error) = Execute("accept", "--experiment", folder.Directory);
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(error, Does.Contain("CI=true: baselines are never accepted on CI"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("CI", previous);
        }
    }

    [Test]
    public void Accept_with_an_experiment_folder_uses_its_own_baselines_unless_told_otherwise()
    {
        using var folder = new TemporaryExperiment();
        var previous = Environment.GetEnvironmentVariable("CI");
        Environment.SetEnvironmentVariable("CI", null);
        try
        {
            var own = Execute("accept", "--experiment", folder.Directory);
            Assert.That(own.ExitCode, Is.Zero, own.Error);
            Assert.That(own.Output, Does.Contain($"nothing to accept in {Path.Combine(folder.Directory, "baselines")}"));

            var elsewhere = Path.Combine(folder.Directory, "elsewhere");
            var given = Execute("accept", "--experiment", Path.Combine(folder.Directory, "experiment.json"), "--baselines", elsewhere);
            Assert.That(given.ExitCode, Is.Zero, given.Error);
            Assert.That(given.Output, Does.Contain($"nothing to accept in {elsewhere}"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("CI", previous);
        }
    }

    [Test]
    public void Run_has_an_option_for_every_run_setting_and_nothing_hand_listed()
    {
        var run = CommandLine.Create().Subcommands.Single(c => c.Name == "run");
        var options = run.Options.Select(o => o.Name).ToList();

        foreach (var setting in RunSettings.All) Assert.That(options, Does.Contain("--" + setting.OptionName), setting.Name);
        Assert.That(options.Except(RunSettings.All.Select(s => "--" + s.OptionName)),
            Is.EquivalentTo(new[] { "--numerics", "--out", "--data-dir", "--store", "--no-store" }),
            "besides the settings, only where and how to run, and whether the run store is used");
    }
}

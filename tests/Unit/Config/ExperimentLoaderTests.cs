using System.Collections;
using Harness.Config;
using Harness.Settings;
using Harness.Grid;

namespace Harness.Tests.Unit.Config;

public sealed class ExperimentLoaderTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = TestScratch.Path("harness-config");
        Directory.CreateDirectory(_directory);
    }

    [TearDown] public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    private static readonly IDictionary NoEnvironment = new Hashtable();

    private string Write(string json)
    {
        var path = Path.Combine(_directory, "experiment.json");
        File.WriteAllText(path, json);
        return path;
    }

    private const string Minimal = """
        { "name": "tiny", "grids": [ { "name": "g", "axes": { "layers": [1, 2], "dropout": [0], "nTrain": [100] }, "seeds": { "first": 3, "count": 2 } } ] }
        """;

    [Test]
    public void The_shipped_tutorial_experiment_has_the_tutorial_grid_and_the_sample_size_axis()
    {
        var experiment = ExperimentLoader.Load(ExperimentLoader.DefaultExperiment, environment: NoEnvironment);
        var runs = ExperimentGrid.Runs(experiment);
        var configurations = ExperimentGrid.Configurations(experiment);

        Assert.That(experiment.Name, Is.EqualTo("keras-tutorial-05"));
        Assert.That(configurations, Has.Count.EqualTo(10 + 6));
        Assert.That(runs.Count(r => r.NTrain == 1000), Is.EqualTo(10 * 10), "10 configurations × 10 seeds");
        Assert.That(runs.Count(r => r.NTrain == 6000), Is.EqualTo(6 * 10), "6 configurations × 10 seeds");
        Assert.That(runs.Select(r => r.RunId),
            Does.Contain("layers-9_dropout-0.2_n-1000_seed-1").And.Contain("layers-5_dropout-0_n-6000_seed-5"));
        Assert.That(runs.Select(r => r.RunId), Is.Unique);
        Assert.That(runs,
            Has.All.Matches<RunConfig>(r => r!.Epochs == 18 && r.BatchSize == 128 && r.Width == 512 && r.NValidation == 3000));
    }

    [Test]
    public void Every_error_is_reported_at_once_with_its_key_path()
    {
        var path = Write("""
            {
              "name": "bad name!",
              "colour": "red",
              "numerics": "fast",
              "run": { "epochs": 0, "batchSize": "big", "semantics": "tf" },
              "grids": [
                { "name": "g", "axes": { "layers": [1, 0], "dropout": [0.2, 1.5], "nTrain": [70000], "colour": [1], "seed": [1, 2] }, "seeds": { "count": 0, "last": 3 } },
                { "axes": { "layers": 5, "dropout": [0], "nTrain": [10], "momentum": [0.9] } },
                { "name": "h", "axes": { "optimizer": ["sgd", "rmsprop", "lbfgs"], "momentum": [0.5, 0.9] } }
              ],
              "figures": { "lines": "width" }
            }
            """);

        var error = Assert.Throws<ConfigurationException>(() => ExperimentLoader.LoadFile(path, environment: NoEnvironment));

        Assert.That(error.Errors, Has.Some.StartsWith("name: expected a file-safe name"));
        Assert.That(error.Errors, Has.Some.StartsWith("colour: unknown key"));
        Assert.That(error.Errors, Has.Some.StartsWith("numerics: expected portable or native, found 'fast'"));
        Assert.That(error.Errors, Has.Some.StartsWith("run:epochs: expected an integer >= 1, found '0'"));
        Assert.That(error.Errors, Has.Some.StartsWith("run:batchSize: expected an integer >= 1, found 'big'"));
        Assert.That(error.Errors, Has.Some.StartsWith("run:semantics: expected keras or pytorch, found 'tf'"));
        Assert.That(error.Errors, Has.Some.StartsWith("grids:0:axes:layers:1: expected an integer in [1, 1000], found '0'"));
        Assert.That(error.Errors, Has.Some.StartsWith("grids:0:axes:dropout:1: expected a number in [0, 1), found '1.5'"));
        Assert.That(error.Errors, Has.None.StartsWith("grids:0:axes:nTrain"),
            "the data's size is checked against its files, once read: not against MNIST's");
        Assert.That(error.Errors,
            Has.Some.StartsWith("grids:0:axes:colour: unknown axis; a grid can vary any run setting: layers, dropout, nTrain"));
        Assert.That(error.Errors, Has.Some.StartsWith("grids:0:axes:seed: the seed is not an axis"));
        Assert.That(error.Errors.Where(e => e.StartsWith("grids:2:axes:momentum", StringComparison.Ordinal)).ToList(), Is.EqualTo(new[]
            { $"grids:2:axes:momentum: optimizer 'rmsprop' does not use it; rmsprop uses learningRate, rho, epsilon (in {path})" }),
            "sgd uses momentum, rmsprop does not: one error, at the axis, however many values and combinations repeat it");
        Assert.That(error.Errors,
            Has.Some.StartsWith("grids:2:axes:optimizer:2: expected sgd, rmsprop, adagrad, adadelta or adam, found 'lbfgs'"));
        Assert.That(error.Errors, Has.Some.StartsWith("figures:lines: expected a declared axis"));
        Assert.That(error.Errors, Has.Some.StartsWith("grids:0:seeds:count: expected an integer in [1, 10000], found '0'"));
        Assert.That(error.Errors, Has.Some.StartsWith("grids:0:seeds:last: unknown key"));
        Assert.That(error.Errors, Has.Some.StartsWith("grids:1:name: missing"));
        Assert.That(error.Errors, Has.Some.StartsWith("grids:1:axes:layers: expected an array, found '5'"));
        Assert.That(error.Errors, Has.All.Contain($"in {path}"), "each error names its file");
    }

    [Test]
    public void Environment_variables_override_the_file_and_are_named_in_errors()
    {
        var path = Write(Minimal);
        var environment = new Hashtable { ["HARNESS__grids__0__seeds__count"] = "5", ["UNRELATED"] = "x" };

        var experiment = ExperimentLoader.LoadFile(path, environment: environment);
        Assert.That(ExperimentGrid.Runs(experiment), Has.Count.EqualTo(2 * 5));

        environment["HARNESS__grids__0__axes__layers__0"] = "-1";
        var error = Assert.Throws<ConfigurationException>(() => ExperimentLoader.LoadFile(path, environment: environment));
        Assert.That(error.Message, Does.Contain("grids:0:axes:layers:0: expected an integer in [1, 1000], found '-1'")
            .And.Contain("from environment variable HARNESS__grids__0__axes__layers__0"));
    }

    [Test]
    public void Command_line_overrides_come_last()
    {
        var path = Write(Minimal);
        var environment = new Hashtable { ["HARNESS__grids__0__seeds__count"] = "5" };
        var overrides = new Dictionary<string, string?> { ["grids:0:seeds:count"] = "1", ["run:epochs"] = "2" };

        var experiment = ExperimentLoader.LoadFile(path, overrides, environment);

        var runs = ExperimentGrid.Runs(experiment);
        Assert.That(runs, Has.Count.EqualTo(2));
        Assert.That(runs.Select(r => r.RunId),
            Is.EqualTo(new[] { "layers-1_dropout-0_n-100_epochs-2_seed-3", "layers-2_dropout-0_n-100_epochs-2_seed-3" }));
    }

    [Test]
    public void The_numerics_profile_defaults_to_portable_and_can_be_overridden()
    {
        var path = Write(Minimal);
        Assert.That(ExperimentLoader.LoadFile(path, environment: NoEnvironment).Numerics,
            Is.SameAs(Harness.Native.NumericsProfile.Portable));
        Assert.That(ExperimentLoader.LoadFile(path, environment: new Hashtable { ["HARNESS__numerics"] = "native" }).Numerics,
            Is.SameAs(Harness.Native.NumericsProfile.Native));
        Assert.That(ExperimentLoader.Load(ExperimentLoader.DefaultExperiment, environment: NoEnvironment).Numerics,
            Is.SameAs(Harness.Native.NumericsProfile.Portable), "the shipped experiment's baselines are portable");
    }

    [Test]
    public void Any_run_setting_is_an_axis_and_optimizers_bring_their_own_hyperparameters()
    {
        var path = Write("""
            { "name": "sweep", "run": { "layers": 2, "optimizer": "sgd", "momentum": 0.9, "nesterov": true },
              "grids": [ { "name": "g", "axes": { "width": [64, 256], "learningRate": [0.01, 0.1] }, "seeds": { "count": 3 } } ],
              "figures": { "columns": "width", "lines": "learningRate" } }
            """);
        var experiment = ExperimentLoader.LoadFile(path, environment: NoEnvironment);
        Assert.That(experiment.Axes.Select(a => a.Name), Is.EqualTo(new[] { "width", "learningRate" }));
        Assert.That(experiment.Figures, Is.EqualTo(new FigureLayout(null, RunSettings.Width, RunSettings.LearningRate)));
        var runs = ExperimentGrid.Runs(experiment);
        Assert.That(runs, Has.Count.EqualTo(2 * 2 * 3));
        Assert.That(runs,
            Has.All.Matches<RunConfig>(r => r!.Optimizer == "sgd" && r.Momentum == 0.9 && r.Nesterov == true && r.Layers == 2));
        Assert.That(runs.Select(r => r.Width).Distinct(), Is.EqualTo(new[] { 64, 256 }));
    }

    [Test]
    public void A_hyperparameter_the_optimizer_does_not_use_is_an_error_at_its_key()
    {
        var path = Write("""
            { "name": "x", "run": { "optimizer": "rmsprop", "momentum": 0.9, "beta1": 0.8 },
              "grids": [ { "name": "g", "axes": { "layers": [1] } } ] }
            """);
        var error = Assert.Throws<ConfigurationException>(() => ExperimentLoader.LoadFile(path, environment: NoEnvironment));
        Assert.That(error.Errors, Is.EquivalentTo(new[]
        {
            $"run:momentum: optimizer 'rmsprop' does not use it; rmsprop uses learningRate, rho, epsilon (in {path})",
            $"run:beta1: optimizer 'rmsprop' does not use it; rmsprop uses learningRate, rho, epsilon (in {path})",
        }));
    }

    [Test]
    public void A_relative_data_directory_is_taken_from_the_experiment_s_folder()
    {
        var path = Write("""{ "name": "x", "data": { "directory": "mnist" }, "grids": [ { "name": "g", "axes": { "layers": [1] } } ] }""");
        Assert.That(ExperimentLoader.LoadFile(path, environment: NoEnvironment).DataDirectory,
            Is.EqualTo(Path.Combine(_directory, "mnist")));
    }

    [Test]
    public void Invalid_json_names_the_file()
    {
        var path = Write("{ \"name\": ");
        var error = Assert.Throws<ConfigurationException>(() => ExperimentLoader.LoadFile(path, environment: NoEnvironment));
        Assert.That(error.Message, Does.Contain(path).And.Contain("not valid JSON"));
    }

    [Test]
    public void An_unknown_experiment_lists_the_known_ones()
    {
        var error = Assert.Throws<ConfigurationException>(() => ExperimentLoader.Load("no-such-experiment", environment: NoEnvironment));
        Assert.That(error.Message, Does.Contain("no-such-experiment").And.Contain("keras-tutorial-05"));
    }
}

using System.Collections;
using Harness.Config;
using Harness.Grid;
using Harness.Settings;
using Harness.Tests.Unit.Model;

namespace Harness.Tests.Unit.Config;

/// <summary>An experiment that names a C# model class: found by its name, its settings run settings, every mistake one error at
/// its key, naming the file.</summary>
public sealed class ClassModelConfigTests
{
    private static readonly IDictionary NoEnvironment = new Hashtable();
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = TestScratch.Path("harness-class-model");
        Directory.CreateDirectory(_directory);
    }

    [TearDown] public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    private string Write(string model, string axes = """{ "hidden": [4, 8, 16] }""", string run = "{}")
    {
        var path = Path.Combine(_directory, "experiment.json");
        File.WriteAllText(path, $$"""
            { "name": "tiny", "model": {{model}}, "run": {{run}},
              "grids": [ { "name": "g", "axes": {{axes}}, "seeds": { "first": 1, "count": 2 } } ] }
            """);
        return path;
    }

    private static string ModelOf<T>(string settings = "{}") => $$"""{ "class": "{{typeof(T).FullName}}", "settings": {{settings}} }""";

    private static IReadOnlyList<string> Errors(string path) =>
        Assert.Throws<ConfigurationException>(() => ExperimentLoader.LoadFile(path, environment: NoEnvironment))!.Errors;

    [Test]
    public void A_model_setting_is_a_grid_axis_a_run_id_token_left_out_at_its_default_and_a_declared_axis()
    {
        var experiment = ExperimentLoader.LoadFile(Write(ModelOf<OneHiddenLayer>()), environment: NoEnvironment);
        var runs = ExperimentGrid.Runs(experiment);

        Assert.That(runs.Select(r => r.RunId), Is.EquivalentTo(new[]
        {
            "n-1000_hidden-4_seed-1", "n-1000_hidden-4_seed-2", "n-1000_seed-1", "n-1000_seed-2",
            "n-1000_hidden-16_seed-1", "n-1000_hidden-16_seed-2",
        }), "hidden 8 is the class's default, so its runs' ids leave it out; the MLP's layers and dropout are not settings of these runs");
        Assert.That(experiment.Axes.Select(a => a.Name), Is.EqualTo(new[] { "hidden" }), "the CSV's columns and the claims' keys");
        Assert.That(RunSettings.Find("hidden")!.Effective(runs[0]), Is.EqualTo(4));
        Assert.That(runs[0].ModelClass!.Type, Is.EqualTo(typeof(OneHiddenLayer)));
    }

    [Test]
    public void The_model_s_settings_in_the_experiment_are_its_declared_values()
    {
        var experiment = ExperimentLoader.LoadFile(Write(ModelOf<OneHiddenLayer>("""{ "hidden": 16 }"""), """{ "hidden": [8, 16] }"""),
            environment: NoEnvironment);

        Assert.That(ExperimentGrid.Runs(experiment).Select(r => r.RunId),
            Is.EquivalentTo(new[] { "n-1000_hidden-8_seed-1", "n-1000_hidden-8_seed-2", "n-1000_seed-1", "n-1000_seed-2" }));
    }

    [Test]
    public void A_class_that_does_not_exist_is_one_error_naming_it_the_file_and_where_it_was_looked_for()
    {
        var path = Write("""{ "class": "No.Such.Model" }""");

        var errors = Errors(path);

        Assert.That(errors, Has.Count.EqualTo(1), "the settings of a class not found are not errors of their own");
        Assert.That(errors[0], Does.StartWith("model:class: class 'No.Such.Model' not found; looked in "));
        Assert.That(errors[0], Does.Contain("assemblies: the loaded ones, those they reference").And.Contain($"(in {path})"));
    }

    [Test]
    public void A_class_that_does_not_exist_is_one_error_even_when_another_class_declared_its_axis_in_this_process()
    {
        // Model settings are declared process-wide: OneHiddenLayer's "hidden" is known from here on, in any test after this.
        ExperimentLoader.LoadFile(Write(ModelOf<OneHiddenLayer>()), environment: NoEnvironment);

        var errors = Errors(Write("""{ "class": "No.Such.Model" }"""));

        Assert.That(errors, Has.Count.EqualTo(1), string.Join("\n", errors));
        Assert.That(errors[0], Does.StartWith("model:class: class 'No.Such.Model' not found"));
    }

    [Test]
    public void A_class_whose_constructor_throws_is_one_error_at_the_class()
    {
        var errors = Errors(Write(ModelOf<ThrowsWhenMade>(), axes: "{}"));

        Assert.That(errors, Is.EqualTo(new[]
        {
            $"model:class: {typeof(ThrowsWhenMade).FullName}'s constructor threw InvalidOperationException: no weights file " +
            $"(in {Path.Combine(_directory, "experiment.json")})",
        }));
    }

    [Test]
    public void A_class_that_is_not_a_model_is_an_error_at_the_class()
    {
        var errors = Errors(Write($$"""{ "class": "{{typeof(GoodData).FullName}}" }""", axes: "{}"));

        Assert.That(errors.Single(), Does.StartWith($"model:class: {typeof(GoodData).FullName} is not a concrete subclass of " +
            "Harness.Model.HarnessModel"));
    }

    [Test]
    public void A_setting_the_class_does_not_declare_is_an_error_naming_the_setting_the_class_and_the_declared_ones()
    {
        var inModel = Errors(Write(ModelOf<OneHiddenLayer>("""{ "depth": 3 }"""), axes: "{}"));
        var inGrid = Errors(Write(ModelOf<OneHiddenLayer>(), axes: """{ "depth": [2, 3] }"""));
        var inRun = Errors(Write(ModelOf<OneHiddenLayer>(), axes: "{}", run: """{ "depth": 2 }"""));

        var declared = $"the model class {typeof(OneHiddenLayer).FullName} declares no setting 'depth'; it declares hidden, rate";
        Assert.That(inModel.Single(), Does.StartWith($"model:settings:depth: {declared} (in "));
        Assert.That(inGrid.Single(), Does.StartWith("grids:0:axes:depth: unknown axis;").And.Contain(declared));
        Assert.That(inRun.Single(), Does.StartWith("run:depth: unknown run setting;").And.Contain(declared));
    }

    [Test]
    public void A_setting_of_another_model_class_is_an_error_naming_this_class_s_settings()
    {
        ExperimentLoader.LoadFile(Write(ModelOf<OneHiddenLayer>()), environment: NoEnvironment);

        var errors = Errors(Write(ModelOf<ThrowsInBuild>(), axes: """{ "rate": [0.1] }"""));

        Assert.That(errors.Single(), Does.StartWith($"grids:0:axes:rate: the model class {typeof(ThrowsInBuild).FullName} does not " +
            "declare it; it declares hidden"));
    }

    [Test]
    public void A_value_of_the_wrong_type_is_an_error_at_its_key()
    {
        var errors = Errors(Write(ModelOf<OneHiddenLayer>("""{ "rate": "high" }"""), axes: """{ "hidden": [4, 2.5] }"""));

        Assert.That(errors, Has.Some.StartsWith("model:settings:rate: expected a number, found 'high'"));
        Assert.That(errors, Has.Some.StartsWith("grids:0:axes:hidden:1: expected an integer, found '2.5'"));
        Assert.That(errors, Has.Count.EqualTo(2));
    }

    [Test]
    public void A_declared_setting_of_a_type_no_setting_has_is_an_error_at_the_class()
    {
        var errors = Errors(Write(ModelOf<TextSetting>(), axes: "{}"));

        Assert.That(errors.Single(), Does.StartWith($"model:class: {typeof(TextSetting).FullName}: setting 'activation' has a default " +
            "of type String; expected int, double or bool"));
    }

    [Test]
    public void The_mlp_shorthand_is_an_error_beside_a_model_class()
    {
        var errors = Errors(Write(ModelOf<OneHiddenLayer>(), axes: """{ "width": [4, 8] }"""));

        Assert.That(errors.Single(), Does.StartWith($"grids:0:axes:width: the experiment's \"model\" is the C# class " +
            $"{typeof(OneHiddenLayer).FullName}, so the MLP shorthand's width does not apply; vary a setting the class declares " +
            "instead (hidden, rate)"));
    }
}

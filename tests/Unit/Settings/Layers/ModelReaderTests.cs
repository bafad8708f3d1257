using System.Collections;
using Harness.Config;
using Harness.Settings.Layers;
using Harness.Settings;
using Harness.Grid;

namespace Harness.Tests.Unit.Settings.Layers;

/// <summary>An experiment's <c>"model"</c>: compact layers, a pasted Keras <c>model.to_json()</c>, layer values as axes, and errors
/// that name the layer and the key.</summary>
public sealed class ModelReaderTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = TestScratch.Path("harness-model");
        Directory.CreateDirectory(_directory);
    }

    [TearDown] public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    private static readonly IDictionary NoEnvironment = new Hashtable();

    private Experiment Load(string model, string grid = """{ "name": "g" }""", string run = "{}")
    {
        var path = Path.Combine(_directory, "experiment.json");
        File.WriteAllText(path, $$"""{ "name": "m", "model": {{model}}, "run": {{run}}, "grids": [ {{grid}} ] }""");
        return ExperimentLoader.LoadFile(path, environment: NoEnvironment);
    }

    private IReadOnlyList<string> Errors(string model, string grid = """{ "name": "g" }""", string run = "{}") =>
        Assert.Throws<ConfigurationException>(() => Load(model, grid, run))!.Errors;

    // Keras 2.2.4's model.to_json() of examples/mnist_cnn.py, as it writes every key of every layer.
    private const string MnistCnnToJson = """
        {"class_name": "Sequential", "config": {"name": "sequential_1", "layers": [
         {"class_name": "Conv2D", "config": {"name": "conv2d_1", "trainable": true, "batch_input_shape": [null, 28, 28, 1],
          "dtype": "float32", "filters": 32, "kernel_size": [3, 3], "strides": [1, 1], "padding": "valid",
          "data_format": "channels_last", "dilation_rate": [1, 1], "activation": "relu", "use_bias": true,
          "kernel_initializer": {"class_name": "VarianceScaling", "config": {"scale": 1.0, "mode": "fan_avg",
          "distribution": "uniform", "seed": null}}, "bias_initializer": {"class_name": "Zeros", "config": {}},
          "kernel_regularizer": null, "bias_regularizer": null, "activity_regularizer": null, "kernel_constraint": null,
          "bias_constraint": null}},
         {"class_name": "Conv2D", "config": {"name": "conv2d_2", "trainable": true, "filters": 64, "kernel_size": [3, 3],
          "strides": [1, 1], "padding": "valid", "data_format": "channels_last", "dilation_rate": [1, 1], "activation": "relu",
          "use_bias": true, "kernel_initializer": {"class_name": "VarianceScaling", "config": {"scale": 1.0, "mode": "fan_avg",
          "distribution": "uniform", "seed": null}}, "bias_initializer": {"class_name": "Zeros", "config": {}},
          "kernel_regularizer": null, "bias_regularizer": null, "activity_regularizer": null, "kernel_constraint": null,
          "bias_constraint": null}},
         {"class_name": "MaxPooling2D", "config": {"name": "max_pooling2d_1", "trainable": true, "pool_size": [2, 2],
          "padding": "valid", "strides": [2, 2], "data_format": "channels_last"}},
         {"class_name": "Dropout", "config": {"name": "dropout_1", "trainable": true, "rate": 0.25, "noise_shape": null, "seed": null}},
         {"class_name": "Flatten", "config": {"name": "flatten_1", "trainable": true, "data_format": "channels_last"}},
         {"class_name": "Dense", "config": {"name": "dense_1", "trainable": true, "units": 128, "activation": "relu", "use_bias": true,
          "kernel_initializer": {"class_name": "VarianceScaling", "config": {"scale": 1.0, "mode": "fan_avg",
          "distribution": "uniform", "seed": null}}, "bias_initializer": {"class_name": "Zeros", "config": {}},
          "kernel_regularizer": null, "bias_regularizer": null, "activity_regularizer": null, "kernel_constraint": null,
          "bias_constraint": null}},
         {"class_name": "Dropout", "config": {"name": "dropout_2", "trainable": true, "rate": 0.5, "noise_shape": null, "seed": null}},
         {"class_name": "Dense", "config": {"name": "dense_2", "trainable": true, "units": 10, "activation": "softmax", "use_bias": true,
          "kernel_initializer": {"class_name": "VarianceScaling", "config": {"scale": 1.0, "mode": "fan_avg",
          "distribution": "uniform", "seed": null}}, "bias_initializer": {"class_name": "Zeros", "config": {}},
          "kernel_regularizer": null, "bias_regularizer": null, "activity_regularizer": null, "kernel_constraint": null,
          "bias_constraint": null}}]},
         "keras_version": "2.2.4", "backend": "tensorflow"}
        """;

    private const string CompactMnistCnn = """
        [ { "class_name": "Conv2D", "filters": 32, "kernel_size": [3, 3], "activation": "relu", "input_shape": [28, 28, 1] },
          { "class_name": "Conv2D", "filters": 64, "kernel_size": 3, "activation": "relu" },
          { "class_name": "MaxPooling2D", "pool_size": [2, 2] },
          { "class_name": "Dropout", "rate": 0.25 },
          { "class_name": "Flatten" },
          { "class_name": "Dense", "units": 128, "activation": "relu" },
          { "class_name": "Dropout", "rate": 0.5 },
          { "class_name": "Dense", "units": 10, "activation": "softmax" } ]
        """;

    [Test]
    public void A_pasted_keras_to_json_reads_as_the_same_model_as_the_compact_layers()
    {
        var pasted = Load(MnistCnnToJson).Grids[0].Template.Model!;
        var compact = Load(CompactMnistCnn).Grids[0].Template.Model!;

        Assert.That(pasted, Is.EqualTo(compact));
        Assert.That(pasted.Layers.Select(l => l.Name), Is.EqualTo(new[]
        {
            "input_1", "conv2d_1", "conv2d_2", "max_pooling2d_1", "dropout_1", "flatten_1", "dense_1", "dropout_2", "dense_2",
        }));
        Assert.That(pasted.Describe(), Is.EqualTo("Input(28, 28, 1) → Conv2D(32, 3×3, relu) → Conv2D(64, 3×3, relu) → " +
            "MaxPooling2D(2×2) → Dropout(0.25) → Flatten() → Dense(128, relu) → Dropout(0.5) → Dense(10, softmax)"));
    }

    [Test]
    public void The_model_is_what_keras_summary_counts()
    {
        var model = Load(CompactMnistCnn).Grids[0].Template.Model!;
        var trace = model.Trace(new TensorShape(28, 28));

        Assert.That(trace.Select(t => t.Output.ToString()), Is.EqualTo(new[]
        {
            "(28, 28, 1)", "(26, 26, 32)", "(24, 24, 64)", "(12, 12, 64)", "(12, 12, 64)", "(9216,)", "(128,)", "(128,)", "(10,)",
        }));
        // Keras's model.summary() of mnist_cnn: 320 + 18,496 + 1,179,776 + 1,290 = 1,199,882 trainable parameters.
        Assert.That(model.Parameters(new TensorShape(28, 28)), Is.EqualTo(1_199_882));
        Assert.That(model.Problems(new TensorShape(28, 28), classes: 10), Is.Empty);
    }

    [TestCase("../../escaped")]
    [TestCase("a/b")]
    [TestCase(".hidden")]
    [TestCase("")]
    [TestCase("dense 1")]
    public void A_layer_name_that_could_name_a_path_is_refused(string name)
    {
        var errors = Errors($$"""[ { "class_name": "Dense", "name": "{{name}}", "units": 4, "input_shape": [4] } ]""");

        Assert.That(errors, Has.One.Contains($"model:0:name: expected a layer name of letters, digits, '_', '-' and '.'")
            .And.Contains($"found '{name}'"));
    }

    [TestCase("dense_1")]
    [TestCase("fc-2.out")]
    public void Keras_names_and_names_of_ones_own_are_read(string name) =>
        Assert.That(Load($$"""[ { "class_name": "Dense", "name": "{{name}}", "units": 4, "input_shape": [4] } ]""")
            .Grids[0].Template.Model!.Layers.Select(l => l.Name), Does.Contain(name));

    [Test]
    public void Layer_values_are_axes_and_name_the_runs_that_differ_from_the_declared_model()
    {
        var experiment = Load(CompactMnistCnn,
            """{ "name": "g", "axes": { "conv2d_1.filters": [16, 32], "dropout_2.rate": [0.5, 0.3] }, "seeds": { "count": 1 } }""");
        var runs = ExperimentGrid.Runs(experiment);

        Assert.That(runs.Select(r => r.RunId), Is.EquivalentTo(new[]
        {
            "n-1000_seed-1", "n-1000_conv2d_1.filters-16_seed-1", "n-1000_dropout_2.rate-0.3_seed-1",
            "n-1000_conv2d_1.filters-16_dropout_2.rate-0.3_seed-1",
        }));
        var narrow = runs.Single(r => r.RunId == "n-1000_conv2d_1.filters-16_dropout_2.rate-0.3_seed-1").Network(10);
        Assert.That(narrow.Find("conv2d_1"), Is.EqualTo(new Conv2D("conv2d_1", 16, (3, 3), (1, 1), "valid", "relu")));
        Assert.That(narrow.Find("dropout_2"), Is.EqualTo(new Dropout("dropout_2", 0.3)));
        Assert.That(experiment.Axes.Select(a => a.Name), Is.EqualTo(new[] { "conv2d_1.filters", "dropout_2.rate" }));
    }

    [Test]
    public void The_mlp_shorthand_is_the_tutorials_layer_list_named_as_keras_names_it()
    {
        var model = new RunConfig { Layers = 2, Width = 512, Dropout = 0.2 }.Network(10);
        Assert.That(model.Describe(), Is.EqualTo("Dense(512, relu) → Dropout(0.2) → Dense(512, relu) → Dropout(0.2) → Dense(10, softmax)"));
        Assert.That(model.Layers.Select(l => l.Name), Is.EqualTo(new[] { "dense_1", "dropout_1", "dense_2", "dropout_2", "dense_3" }));
        Assert.That(new RunConfig { Layers = 1 }.Network(10).Layers.OfType<Dropout>(), Is.Empty, "rate 0 adds no Dropout layer");
    }

    [Test]
    public void An_unsupported_layer_key_or_value_is_an_error_naming_the_layer_and_the_key()
    {
        var errors = Errors("""
            [ { "class_name": "Conv3D", "filters": 2 },
              { "class_name": "Conv2D", "filters": 2, "kernel_size": 3, "padding": "causal", "dilation_rate": 2, "groups": 2 },
              { "class_name": "Dense", "units": 0, "activation": "elu", "kernel_initializer": "he_normal", "kernel_regularizer": "l2" },
              { "class_name": "Dropout", "rate": 1.5 } ]
            """);

        Assert.That(errors, Has.Some.StartsWith("model:0:class_name: layer class 'Conv3D' is not supported; expected one of InputLayer"));
        Assert.That(errors, Has.Some.StartsWith("model:1:padding: Conv2D 'conv2d_1': expected valid or same, found 'causal'"));
        Assert.That(errors, Has.Some.StartsWith("model:1:dilation_rate: Conv2D 'conv2d_1': expected 1 (no dilation)"));
        Assert.That(errors, Has.Some.StartsWith("model:1:groups: unknown key; expected one of: class_name, name"));
        Assert.That(errors, Has.Some.StartsWith("model:2:units: Dense 'dense_1': expected an integer >= 1, found '0'"));
        Assert.That(errors, Has.Some.StartsWith("model:2:activation: Dense 'dense_1': activation 'elu' is not supported"));
        Assert.That(errors, Has.Some.StartsWith("model:2:kernel_initializer: Dense 'dense_1': expected glorot_uniform"));
        Assert.That(errors, Has.Some.StartsWith("model:2:kernel_regularizer: Dense 'dense_1': expected null"));
        Assert.That(errors, Has.Some.StartsWith("model:3:rate: Dropout 'dropout_1': expected a number in [0, 1), found '1.5'"));
        Assert.That(errors, Has.All.Contains("experiment.json"), "each error says which file");
    }

    [Test]
    public void The_mlp_settings_beside_a_layer_list_are_an_error_not_a_value_ignored()
    {
        var errors = Errors(CompactMnistCnn, """{ "name": "g", "axes": { "dropout": [0, 0.2] } }""", """{ "layers": 3 }""");

        Assert.That(errors, Has.Some.StartsWith("run:layers: the experiment gives its \"model\" as a layer list"));
        Assert.That(errors, Has.Some.StartsWith("grids:0:axes:dropout: the experiment gives its \"model\" as a layer list"));
    }

    [Test]
    public void An_axis_naming_a_layer_the_model_lacks_is_an_error()
    {
        var errors = Errors(CompactMnistCnn, """{ "name": "g", "axes": { "conv2d_9.filters": [8] } }""");
        Assert.That(errors, Has.Some.Contains("conv2d_9.filters: the model has no such layer and key; its layers: input_1, conv2d_1"));
    }

    [Test]
    public void Shapes_that_do_not_fit_and_a_last_layer_without_softmax_are_problems_naming_the_layer()
    {
        var model = Load("""
            [ { "class_name": "Conv2D", "filters": 4, "kernel_size": 5 }, { "class_name": "Conv2D", "filters": 4, "kernel_size": 5 },
              { "class_name": "Flatten" }, { "class_name": "Dense", "units": 3 } ]
            """).Grids[0].Template.Model!;

        Assert.That(model.Problems(new TensorShape(6, 6), classes: 3), Is.EqualTo(new[]
        {
            "layer 1 (Conv2D 'conv2d_2'): a window of 5 does not fit an axis of 2 with 'valid' padding",
        }));
        Assert.That(model.Problems(new TensorShape(12, 12), classes: 10), Is.EqualTo(new[]
        {
            "the last layer (Dense 'dense_1') must end in softmax, found no activation: the loss is Keras's categorical_crossentropy " +
            "on probabilities",
            "the model's output has shape (3,), but the data has 10 classes: expected (10,)",
        }));
    }

    [Test]
    public void Claims_filter_on_a_layer_value_axis()
    {
        var experiment = Load(CompactMnistCnn,
            """{ "name": "g", "axes": { "dropout_2.rate": [0, 0.5] }, "seeds": { "count": 6 } }""");
        var claims = Path.Combine(_directory, "claims.json");
        File.WriteAllText(claims, """
            { "claims": [ { "id": "dropout", "statement": "dropout lowers the gap", "metric": "gap", "test": "probability",
              "direction": "less", "parts": [ { "a": { "dropout_2.rate": 0.5 }, "b": { "dropout_2.rate": 0 } } ],
              "expected": { "verdict": "supported", "kind": "preregistered", "date": "2026-11-30", "commit": "0123abc" },
              "reason": "a layer's rate, compared across the grid" } ] }
            """);

        var part = Harness.Claims.ClaimLoader.LoadFile(claims, experiment).All[0].Parts[0];

        Assert.That(part.A!.Describe(), Is.EqualTo("dropout_2.rate=0.5"));
        Assert.That(ExperimentGrid.Runs(experiment).Count(r => part.A.Matches(r)), Is.EqualTo(6));
        Assert.That(ExperimentGrid.Runs(experiment).Count(r => part.B!.Matches(r)), Is.EqualTo(6), "0 is a value the grid sets");
    }
}

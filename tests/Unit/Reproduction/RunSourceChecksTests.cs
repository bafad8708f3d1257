using System.Collections;
using Harness.Config;
using Harness.Data;
using Harness.Grid;
using Harness.Reproduction;
using Harness.Store;
using Harness.Tests.Unit.Model;

namespace Harness.Tests.Unit.Reproduction;

/// <summary>What is checked when an experiment's runs are about to train, before any does: the C# model builds and gives one
/// logit per class, and a C# data source's tensors agree. Each failure is one error naming the file, the key and the numbers.</summary>
public sealed class RunSourceChecksTests
{
    private static readonly IDictionary NoEnvironment = new Hashtable();
    private IdxFixtures _files = null!;

    [SetUp]
    public void WriteData()
    {
        _files = new IdxFixtures();
        _files.WriteDataset(train: 12, test: 6);
    }

    [TearDown] public void DeleteData() => _files.Dispose();

    private Experiment Experiment(string model, string data)
    {
        var path = Path.Combine(_files.Directory, "experiment.json");
        File.WriteAllText(path, $$"""
            { "name": "tiny", "model": {{model}}, "data": {{data}},
              "run": { "nTrain": 12, "nValidation": 6, "epochs": 2, "batchSize": 4 },
              "grids": [ { "name": "g", "seeds": { "first": 1, "count": 2 } } ] }
            """);
        return ExperimentLoader.LoadFile(path, environment: NoEnvironment);
    }

    private static string ModelOf<T>() => $$"""{ "class": "{{typeof(T).FullName}}" }""";

    private static string DataOf<T>() => $$"""{ "class": "{{typeof(T).FullName}}" }""";

    private static IReadOnlyList<string> Errors(Experiment experiment) => Assert.Throws<ConfigurationException>(() =>
        new RunSource(experiment, ExperimentGrid.Runs(experiment), workers: 1).Dispose())!.Errors;

    [Test]
    public void A_model_whose_logits_are_not_one_per_class_is_an_error_naming_the_file_and_the_shapes()
    {
        var experiment = Experiment(ModelOf<FiveLogits>(), """{ "directory": "." }""");

        Assert.That(Errors(experiment), Is.EqualTo(new[]
        {
            $"{experiment.DefinitionPath}: model:class: model class {typeof(FiveLogits).FullName}: for a batch of 2 samples of 4 " +
            "features it returned shape [2, 5]; expected [2, 3] (logits, one per class)",
        }));
    }

    [Test]
    public void A_data_source_trains_a_class_model_and_its_content_hash_is_in_the_key()
    {
        var experiment = Experiment(ModelOf<OneHiddenLayer>(), DataOf<GoodData>());
        var runs = ExperimentGrid.Runs(experiment);

        using var source = new RunSource(experiment, runs, workers: 1);
        var results = source.Results(runs);
        var key = RunKey.For(runs[0], KeyContext.Current(SourcedDataset.Load(typeof(GoodData))));

        Assert.That(results.Select(r => r.History.Epochs), Is.All.EqualTo(2));
        Assert.That(results[0].History.SameAs(results[1].History), Is.False, "two seeds, two histories");
        Assert.That(key.Inputs, Does.Contain($"\"{typeof(GoodData).FullName}\": \"").And.Contain("\"modelCode\": \"Harness.Tests.Unit:"));
        Assert.That(Harness.History.RunResultJson.Serialize(results[0]), Does.Contain($"\"dataset\": \"{typeof(GoodData).FullName}\""));
    }

    [Test]
    public void A_data_source_s_hash_is_of_its_content_not_of_its_class()
    {
        static string HashOf(Type type) => SourcedDataset.Load(type).Sha256.Single().Value;

        Assert.That(HashOf(typeof(GoodData)), Does.Match("^[0-9a-f]{64}$"));
        Assert.That(HashOf(typeof(SameDataOtherClass)), Is.EqualTo(HashOf(typeof(GoodData))));
        Assert.That(HashOf(typeof(FewerSamples)), Is.Not.EqualTo(HashOf(typeof(GoodData))));
    }

    [Test]
    public void A_label_outside_the_classes_is_an_error_naming_the_label_and_its_sample()
    {
        var experiment = Experiment(ModelOf<OneHiddenLayer>(), DataOf<LabelOutOfRange>());

        Assert.That(Errors(experiment).Single(), Is.EqualTo($"{experiment.DefinitionPath}: data:class: " +
            $"{typeof(LabelOutOfRange).FullName}: training label 7 at sample 23; expected labels 0 to 2 (3 classes)"));
    }

    [Test]
    public void Features_and_labels_of_different_counts_are_an_error_naming_the_file_the_key_and_the_counts()
    {
        var experiment = Experiment(ModelOf<OneHiddenLayer>(), DataOf<MoreLabelsThanSamples>());

        Assert.That(Errors(experiment), Is.EqualTo(new[]
        {
            $"{experiment.DefinitionPath}: data:class: {typeof(MoreLabelsThanSamples).FullName}: the training features have 24 " +
            "samples but the training labels 23; expected one label per sample",
        }));
    }

    [Test]
    public void Training_and_validation_samples_of_different_shapes_are_an_error_naming_both_shapes()
    {
        var experiment = Experiment(ModelOf<OneHiddenLayer>(), DataOf<OtherValidationShape>());

        Assert.That(Errors(experiment).Single(), Is.EqualTo($"{experiment.DefinitionPath}: data:class: " +
            $"{typeof(OtherValidationShape).FullName}: the training samples have shape (6,) but the validation samples (5,); " +
            "expected one shape"));
    }

    [Test]
    public void More_samples_asked_for_than_the_source_gives_is_an_error_at_the_setting()
    {
        var path = Path.Combine(_files.Directory, "experiment.json");
        var experiment = Experiment(ModelOf<OneHiddenLayer>(), DataOf<GoodData>());
        var runs = ExperimentGrid.Runs(experiment).Select(r => r with { NTrain = 30 }).ToList();

        var errors = Assert.Throws<ConfigurationException>(() => new RunSource(experiment, runs, workers: 1).Dispose())!.Errors;

        Assert.That(errors.Single(), Is.EqualTo($"{path}: nTrain: 30 training samples asked for, but the data source gives 24"));
    }
}

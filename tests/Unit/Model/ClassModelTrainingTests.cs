using System.Collections.Immutable;
using Harness.Data;
using Harness.Model;
using Harness.Settings;
using Harness.Settings.Layers;
using Harness.Tests.Unit.Training;
using Harness.Training;

namespace Harness.Tests.Unit.Model;

/// <summary>A C# model trains with the harness's semantics: drawn from the run's streams, it computes what the same network as a
/// layer list computes, bit for bit; and a configuration that does not build, or gives the wrong logits, is found before
/// training.</summary>
public sealed class ClassModelTrainingTests
{
    private static readonly RunConfig Run = new() { NTrain = 40, NValidation = 20, Epochs = 3, BatchSize = 8, Width = 8 };

    internal static ClassModel Declared(Type type, params (string Name, object Value)[] values) => new(type,
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, values.Select(v => KeyValuePair.Create(v.Name, v.Value))),
        ModelCode.Of(type));

    [TestCase(0.0)]
    [TestCase(0.2)]
    public void A_class_model_trains_the_same_bits_as_the_same_network_declared_as_the_mlp(double dropout)
    {
        var data = SyntheticData.Split(40, 20);
        var mlp = Trainer.Train(Run with { Layers = 1, Dropout = dropout }, data).History;
        var model = Declared(typeof(OneHiddenLayer), ("hidden", 8), ("rate", dropout));

        var written = Trainer.Train(Run with { ModelClass = model }, data).History;

        Assert.That(written.ValLoss, Is.EqualTo(mlp.ValLoss), "the same weights, dropout masks and updates");
        Assert.That(written.Loss, Is.EqualTo(mlp.Loss));
        Assert.That(written.Loss[^1], Is.LessThan(written.Loss[0]), "it learns");
    }

    [Test]
    public void A_run_s_value_of_a_model_setting_is_the_one_the_model_is_built_with()
    {
        var data = SyntheticData.Split(40, 20);
        var model = Declared(typeof(OneHiddenLayer), ("hidden", 8), ("rate", 0.0));
        var wide = Run with { ModelClass = model, LayerValues = LayerValues.None.Set("hidden", 16) };

        Assert.That(Trainer.Train(wide, data).History.Loss,
            Is.EqualTo(Trainer.Train(Run with { Layers = 1, Width = 16 }, data).History.Loss));
    }

    [Test]
    public void Logits_of_another_width_than_the_classes_are_found_before_training()
    {
        var problems = ClassModelBuilder.Problems([Run with { ModelClass = Declared(typeof(FiveLogits)) }],
            new DataShape(new TensorShape(2, 2), 3));

        Assert.That(problems, Is.EqualTo(new[]
        {
            $"model class {typeof(FiveLogits).FullName}: for a batch of 2 samples of 4 features it returned shape [2, 5]; " +
            "expected [2, 3] (logits, one per class)",
        }));
    }

    [Test]
    public void A_build_that_throws_is_found_before_training_for_the_values_it_throws_at()
    {
        var model = Declared(typeof(ThrowsInBuild), ("hidden", 8));
        RunConfig With(int hidden) => Run with { ModelClass = model, LayerValues = LayerValues.None.Set("hidden", hidden) };

        var problems = ClassModelBuilder.Problems([With(8), With(16), With(32)], new DataShape(new TensorShape(4), 3));

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.StartWith($"model class {typeof(ThrowsInBuild).FullName} (hidden 32): does not build or run: " +
            "ArgumentOutOfRangeException: hidden must be at most 16"));
    }
}

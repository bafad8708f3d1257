using Harness.Config;
using Harness.Settings;
using Harness.History;
using Harness.Model;
using Harness.Training;
using TorchSharp;

namespace Harness.Tests.Unit.Training;

public sealed class TrainerTests
{
    private static readonly RunConfig Small = new()
    {
        Layers = 2, Width = 16, Dropout = 0.2, NTrain = 10, NValidation = 7, BatchSize = 4, Epochs = 3, Seed = 5,
    };

    private static (RunResult Result, List<BatchMetrics> Batches) Train(RunConfig config)
    {
        var batches = new List<BatchMetrics>();
        var result =
            Trainer.Train(config, SyntheticData.Split(config.NTrain, config.NValidation), new TrainingObserver(OnBatch: batches.Add));
        return (result, batches);
    }

    [Test]
    public void The_last_partial_batch_is_kept()
    {
        var (_, batches) = Train(Small);
        var sizes = batches.GroupBy(b => b.Epoch).Select(e => e.Select(b => b.Indices.Length).ToArray()).ToList();
        Assert.That(sizes, Is.All.EqualTo(new[] { 4, 4, 2 }), "10 = 2·4 + 2: three updates per epoch");
    }

    [Test]
    public void Every_epoch_visits_each_sample_once_in_a_new_order()
    {
        var (_, batches) = Train(Small);
        var orders = batches.GroupBy(b => b.Epoch).Select(e => e.SelectMany(b => b.Indices).ToArray()).ToList();
        Assert.That(orders, Has.Count.EqualTo(3));
        Assert.That(orders.Select(o => o.Order()), Is.All.EqualTo(Enumerable.Range(0, 10).Select(i => (long)i)));
        Assert.That(orders[0], Is.Not.EqualTo(orders[1]));
        Assert.That(orders[1], Is.Not.EqualTo(orders[2]));
    }

    [Test]
    public void Epoch_loss_and_acc_are_sample_weighted_averages_of_the_batches()
    {
        var (result, batches) = Train(Small);
        for (var epoch = 1; epoch <= 3; epoch++)
        {
            var these = batches.Where(b => b.Epoch == epoch).ToList();
            var loss = these.Sum(b => (double)b.Loss * b.Indices.Length) / 10;
            var acc = these.Sum(b => (double)b.Acc * b.Indices.Length) / 10;
            Assert.That(result.History.Loss[epoch - 1], Is.EqualTo(loss), $"epoch {epoch} loss");
            Assert.That(result.History.Acc[epoch - 1], Is.EqualTo(acc), $"epoch {epoch} acc");
            Assert.That(loss, Is.Not.EqualTo(these.Average(b => (double)b.Loss)), "weighting matters with a partial batch");
        }
    }

    [Test]
    public void Batch_loss_comes_from_the_forward_pass_before_the_update()
    {
        // One batch of everything, no dropout: epoch 1's loss is the initial model's loss on the training set.
        var config = Small with { Dropout = 0, BatchSize = 10, Epochs = 1 };
        var (result, batches) = Train(config);

        // Same samples in the same (shuffled) order, so the float32 mean sums in the same order.
        var order = batches[0].Indices;
        using var streams = RandomStreams.ForSeed(config.Seed);
        using var model = new KerasSequential(config.Network(3), new Harness.Settings.Layers.TensorShape(12), streams.Init,
            streams.Dropout);
        var images = SyntheticData.Images(10);
        using var index = torch.tensor(order);
        using var x = torch.tensor(images.Pixels, [10, 12]).index_select(0, index);
        using var labels = torch.tensor(images.Labels.Select(l => (long)l).ToArray()).index_select(0, index);
        using var oneHot = torch.nn.functional.one_hot(labels, 3).to(torch.ScalarType.Float32);
        var (loss, _) = new KerasCategoricalCrossentropy().Evaluate(model.forward(x), oneHot, labels);

        Assert.That(result.History.Loss[0], Is.EqualTo((double)loss.item<float>()));
    }

    [Test]
    public void History_has_one_value_per_epoch_for_each_keras_metric()
    {
        var (result, _) = Train(Small);
        Assert.That(TrainingHistory.MetricNames.Select(m => result.History[m].Length), Is.All.EqualTo(3));
        Assert.That(result.History.ValAcc, Is.All.InRange(0.0, 1.0));
    }

    [Test]
    public void Learning_happens()
    {
        var (result, _) = Train(Small with { Epochs = 60, Dropout = 0 });
        Assert.That(result.History.Acc[^1], Is.EqualTo(1.0), "10 samples are memorised");
        Assert.That(result.History.Loss[^1], Is.LessThan(result.History.Loss[0] * 0.2));
    }

    [Test]
    public void A_non_finite_loss_stops_the_run_naming_epoch_and_batch()
    {
        var config = Small with { LearningRate = 1e30, Semantics = Semantics.PyTorch, Epochs = 5 };
        var error = Assert.Throws<TrainingDivergedException>(() => Train(config));
        Assert.That(error.Message, Does.Contain(config.RunId).And.Contain($"epoch {error.Epoch}").And.Contain($"batch {error.Batch}"));
    }

    [Test]
    public void Pytorch_semantics_give_a_different_history()
    {
        var keras = Train(Small).Result.History;
        var pytorch = Train(Small with { Semantics = Semantics.PyTorch }).Result.History;
        Assert.That(pytorch.SameAs(keras), Is.False);
    }
}

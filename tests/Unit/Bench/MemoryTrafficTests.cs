using Harness.Settings.Layers;
using Harness.Settings;
using Harness.Data;
using Harness.Profiling;
using Harness.Training;
using Harness.Training.Optimizers;
using Harness.Bench;

namespace Harness.Tests.Unit.Bench;

public sealed class MemoryTrafficTests
{
    private static readonly DataShape Mnist = new(new TensorShape(28, 28), 10);

    private static Dictionary<Phase, double> Bytes(RunConfig config) =>
        MemoryTraffic.ForRun(config, Mnist, OptimizerCatalog.Slots(config))
            .GroupBy(i => i.Phase).ToDictionary(g => g.Key, g => g.Sum(i => i.Bytes));

    /// <summary>Dense(512, relu) → Dropout(0.2) → Dense(10) logits, by hand, in floats per sample.</summary>
    [Test]
    public void One_layer_with_dropout_counts_each_step_read_and_written_once()
    {
        var config = new RunConfig { Layers = 1, Dropout = 0.2 };
        double train = 1000 * 18 * 4, validation = 3000 * 18 * 4;
        var bytes = Bytes(config);

        Assert.Multiple(() =>
        {
            Assert.That(bytes[Phase.ForwardElementwise], Is.EqualTo((2 * 512 + 3 * 512) * train), "relu 2m, dropout 3m");
            // The first layer's activation gradient is needed for its own weights; dropout's gradient flows to its input.
            Assert.That(bytes[Phase.BackwardElementwise], Is.EqualTo((3 * 512 + 3 * 512) * train));
            Assert.That(bytes[Phase.BackwardMatmul], Is.EqualTo((512 + 10) * train), "the bias gradients");
            Assert.That(bytes[Phase.ValidationElementwise], Is.EqualTo(2 * 512 * validation), "relu only: dropout is off");
            Assert.That(bytes[Phase.Loss], Is.EqualTo(4 * 10 * train));
            Assert.That(bytes[Phase.Batching], Is.EqualTo(2 * (784 + 10) * train));
            Assert.That(bytes[Phase.ValidationLoss], Is.EqualTo(2 * 10 * validation));
            double parameters = 784 * 512 + 512 + 512 * 10 + 10;
            Assert.That(bytes[Phase.Optimizer], Is.EqualTo(7 * 4 * parameters * 8 * 18),
                "Adam: p, g, m, v read, p, m, v written; 8 steps an epoch");
        });
    }

    [Test]
    public void A_first_convolution_needs_no_input_gradient_but_a_later_one_does()
    {
        var model = new ModelSpec([
            new Conv2D("conv2d_1", 4, (3, 3), (1, 1)), new Conv2D("conv2d_2", 4, (3, 3), (1, 1)), new Flatten("flatten_1"),
            new Dense("dense_1", 10, "softmax")]);
        var config = new RunConfig { Model = model, NTrain = 1, NValidation = 1, Epochs = 1, BatchSize = 1 };

        // conv2d_2 reads its 26·26·4 input and writes 24·24 patches of 36 forward, and the reverse backward.
        var perSample = 26 * 26 * 4 + 24 * 24 * 36;
        Assert.That(Bytes(config)[Phase.BackwardElementwise], Is.EqualTo(perSample * 4));
        Assert.That(Bytes(config)[Phase.ForwardElementwise], Is.EqualTo((28 * 28 + 26 * 26 * 9 + perSample) * 4));
    }

    [Test]
    public void Each_optimizer_is_charged_for_its_own_slots()
    {
        var slots = new[] { "sgd", "rmsprop", "adagrad", "adadelta", "adam" }
            .Select(o => OptimizerCatalog.Slots(new RunConfig { Optimizer = o }));
        Assert.That(slots, Is.EqualTo(new[] { 1, 1, 1, 2, 2 }));
    }
}

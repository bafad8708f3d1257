using Harness.Settings.Layers;
using Harness.Settings;
using Harness.Data;
using Harness.Profiling;

namespace Harness.Bench;

/// <summary>
/// The memory traffic of one run beyond its matmuls, by <see cref="Phase"/>: the floats each step must read and write at least
/// once, as a fused implementation would, with nothing kept in registers between steps. What the roofline bound
/// (<see cref="Roofline"/>) charges at the machine's measured bandwidth, beside the matmuls at the SGEMM's throughput.
/// Per sample, for a layer of n inputs and m outputs (floats):
/// <list type="bullet">
/// <item>an activation reads and writes m forward, and reads the gradient and its output and writes m backward (2m, 3m);</item>
/// <item>dropout reads, writes and writes its mask forward, and reads the gradient and the mask and writes backward (3m, 3m);</item>
/// <item>a Dense or Conv2D's bias gradient reads its output's gradient (m), in the backward matmul phase, as its product's
/// backward computes it;</item>
/// <item>im2col reads n and writes the patch matrix forward, and the reverse backward; max pooling reads n and writes m and its
/// m indices (8 bytes) forward, and reads them and writes n backward;</item>
/// <item>nothing flows back into a layer before the first with weights (the images need no gradient);</item>
/// <item>the loss head reads the logits and the targets and writes a value forward, and writes the logits' gradient backward
/// (2·classes each way); a batch's gather reads and writes its images and targets;</item>
/// <item>the optimizer reads each parameter, its gradient and its K slots and writes the parameter and its slots once per step:
/// (3 + 2K) floats per weight, K the optimizer's slots (Adam 2).</item>
/// </list>
/// A working set comes with each item: the bytes one call of that step touches (a batch's, a step's), which decides the
/// bandwidth it gets (cache or memory).
/// </summary>
internal static class MemoryTraffic
{
    private const double Float = sizeof(float);

    /// <summary>Bytes a phase moves over the whole run, in calls that each touch <paramref name="WorkingSet"/> bytes.</summary>
    public sealed record Item(Phase Phase, double Bytes, double WorkingSet);

    /// <param name="slots">Values the run's optimizer keeps per weight (<see cref="Optimizers.OptimizerCatalog.Slots"/>).</param>
    public static IReadOnlyList<Item> ForRun(RunConfig config, DataShape data, int slots)
    {
        var model = config.Network(data.Classes);
        var trace = model.Logits.Trace(data.Image);
        var batches = (int)Math.Ceiling((double)config.NTrain / config.BatchSize) * config.Epochs;
        var items = new List<Item>();

        // Per batch of training samples (and of validation samples): bytes of one call.
        void Add(Phase phase, double floatsPerSample, int samples)
        {
            if (floatsPerSample <= 0) return;
            var perCall = floatsPerSample * Float * Math.Min(config.BatchSize, samples);
            items.Add(new Item(phase, floatsPerSample * Float * samples * config.Epochs, perCall));
        }

        var weightsBefore = false;
        foreach (var (layer, input, output) in trace)
        {
            var (n, m) = (input.Size, output.Size);
            // Forward, backward to the layer's input, and validation floats of the layer's own step.
            var (forward, backward, validation) = layer switch
            {
                Dropout => (3 * m, 3 * m, 0.0),
                MaxPooling2D => (n + 3 * m, n + 3 * m, n + m),
                Conv2D conv => Im2col(n, conv.Matmul(input)),
                _ => (0.0, 0.0, 0.0),
            };
            var hasWeights = layer.Parameters(input) > 0;
            var activation = layer.ActivationFunction is not null;
            Add(Phase.ForwardElementwise, forward + (activation ? 2 * m : 0), config.NTrain);
            // The activation's gradient is needed once this layer or one before has weights; the gradient of the layer's
            // input only when one before it has.
            Add(Phase.BackwardElementwise, (activation && (hasWeights || weightsBefore) ? 3 * m : 0) + (weightsBefore ? backward : 0),
                config.NTrain);
            if (hasWeights) Add(Phase.BackwardMatmul, m, config.NTrain);
            Add(Phase.ValidationElementwise, validation + (activation ? 2 * m : 0), config.NValidation);
            weightsBefore |= hasWeights;
        }

        Add(Phase.Loss, 4 * data.Classes, config.NTrain);
        Add(Phase.Batching, 2 * (data.Image.Size + data.Classes), config.NTrain);
        Add(Phase.ValidationLoss, 2 * data.Classes, config.NValidation);
        var parameters = model.Parameters(data.Image);
        var perStep = (3 + 2 * slots) * parameters * Float;
        items.Add(new Item(Phase.Optimizer, perStep * batches, perStep));
        return items;
    }

    /// <summary>im2col's (forward, backward, validation) floats per sample: read the input, write the patches, and back.</summary>
    private static (double, double, double) Im2col(double input, Matmul patches)
    {
        var written = (double)patches.Rows * patches.Inner;
        return (input + written, input + written, input + written);
    }
}

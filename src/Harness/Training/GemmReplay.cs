using Harness.Config;
using Harness.Config.Settings;
using static TorchSharp.torch;

namespace Harness.Training;

/// <summary>
/// The matmuls of a run's epochs and nothing else, at the same shapes and with the same ops the trainer's
/// forward and backward passes issue: the BLAS-bound floor that the benchmark compares training against.
/// </summary>
public static class GemmReplay
{
    /// <summary>Runs <paramref name="epochs"/> epochs of matmuls for each config side by side; returns FLOP/s.</summary>
    public static double MeasureThroughput(IReadOnlyList<RunConfig> configs, int features, int classes, int workers, int epochs)
    {
        var flops = configs.Sum(c => FlopCount.ForRun(c with { Epochs = epochs }, features, classes));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        WorkerPool.Run(configs, c => FlopCount.ForRun(c, features, classes), c => Replay(c, features, classes, epochs), workers);
        return flops / clock.Elapsed.TotalSeconds;
    }

    private static void Replay(RunConfig config, int features, int classes, int epochs)
    {
        using var scope = NewDisposeScope();
        var widths = new[] { features }.Concat(Enumerable.Repeat(config.Width, config.Layers)).Append(classes).ToArray();
        var weights = Enumerable.Range(0, widths.Length - 1).Select(l => full(widths[l + 1], widths[l], 0.01f)).ToArray();
        var biases = weights.Select(w => zeros(w.shape[0])).ToArray();
        // Inputs exist before the loop, as activations do in training: only the matmuls and their outputs are timed.
        var sizes = BatchSizes(config.NTrain, config.BatchSize).Concat(BatchSizes(config.NValidation, config.BatchSize)).Distinct();
        var activations = sizes.SelectMany(size => widths.Distinct().Select(width => (size, width)))
            .ToDictionary(key => key, key => full(key.size, key.width, 0.5f));

        for (var epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var size in BatchSizes(config.NTrain, config.BatchSize))
            {
                for (var l = 0; l < weights.Length; l++)
                {
                    var x = activations[(size, widths[l])];
                    var delta = activations[(size, widths[l + 1])];
                    nn.functional.linear(x, weights[l], biases[l]).Dispose();  // forward
                    delta.t().mm(x).Dispose();                                  // weight gradient
                    if (l > 0) delta.mm(weights[l]).Dispose();                 // input gradient
                }
            }
            foreach (var size in BatchSizes(config.NValidation, config.BatchSize))
                for (var l = 0; l < weights.Length; l++)
                    nn.functional.linear(activations[(size, widths[l])], weights[l], biases[l]).Dispose();
        }
    }

    private static IEnumerable<int> BatchSizes(int count, int batchSize)
    {
        for (var start = 0; start < count; start += batchSize) yield return Math.Min(batchSize, count - start);
    }
}

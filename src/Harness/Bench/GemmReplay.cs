using Harness.Settings;
using Harness.Data;
using static TorchSharp.torch;
using Harness.Runs;

namespace Harness.Bench;

/// <summary>
/// The matmuls of a run's epochs and nothing else, at the same shapes and with the same ops the trainer's
/// forward and backward passes issue (a convolution's are those of its im2col patches): the BLAS-bound floor that the
/// benchmark compares training against.
/// </summary>
internal static class GemmReplay
{
    /// <summary>Runs <paramref name="epochs"/> epochs of matmuls for each config side by side; returns FLOP/s.</summary>
    public static double MeasureThroughput(IReadOnlyList<RunConfig> configs, DataShape data, int workers, int epochs)
    {
        var flops = configs.Sum(c => FlopCount.ForRun(c with { Epochs = epochs }, data));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        WorkerPool.Run(configs, c => FlopCount.ForRun(c, data), c => Replay(c, data, epochs), workers);
        return flops / clock.Elapsed.TotalSeconds;
    }

    private static void Replay(RunConfig config, DataShape data, int epochs)
    {
        using var scope = NewDisposeScope();
        var matmuls = config.Network(data.Classes).Matmuls(data.Image);
        var weights = matmuls.Select(m => full(m.Outputs, m.Inner, 0.01f)).ToArray();
        var biases = weights.Select(w => zeros(w.shape[0])).ToArray();
        // Inputs exist before the loop, as activations do in training: only the matmuls and their outputs are timed.
        var sizes = BatchSizes(config.NTrain, config.BatchSize).Concat(BatchSizes(config.NValidation, config.BatchSize)).Distinct();
        var activations = sizes.SelectMany(size => matmuls.SelectMany(m => new[] { (size * m.Rows, m.Inner), (size * m.Rows, m.Outputs) }))
            .Distinct().ToDictionary(key => key, key => full(key.Item1, key.Item2, 0.5f));

        for (var epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var size in BatchSizes(config.NTrain, config.BatchSize))
            {
                for (var l = 0; l < weights.Length; l++)
                {
                    var rows = size * matmuls[l].Rows;
                    var x = activations[(rows, matmuls[l].Inner)];
                    var delta = activations[(rows, matmuls[l].Outputs)];
                    nn.functional.linear(x, weights[l], biases[l]).Dispose();  // forward
                    delta.t().mm(x).Dispose();                                  // weight gradient
                    if (l > 0) delta.mm(weights[l]).Dispose();                 // input gradient
                }
            }
            foreach (var size in BatchSizes(config.NValidation, config.BatchSize))
                for (var l = 0; l < weights.Length; l++)
                    nn.functional.linear(activations[(size * matmuls[l].Rows, matmuls[l].Inner)], weights[l], biases[l]).Dispose();
        }
    }

    private static IEnumerable<int> BatchSizes(int count, int batchSize)
    {
        for (var start = 0; start < count; start += batchSize) yield return Math.Min(batchSize, count - start);
    }
}

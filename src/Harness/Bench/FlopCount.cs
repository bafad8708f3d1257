using Harness.Settings;
using Harness.Data;
using Harness.Profiling;

namespace Harness.Bench;

/// <summary>
/// Matmul FLOPs of one run (2 per multiply-add), the part of the work a BLAS bound applies to. Per matrix product of the
/// network (a Dense layer's, or a Conv2D layer's over its im2col patches; <see cref="Layers.Matmul"/>) and epoch:
/// forward 2·n·m, weight gradient 2·n·m, input gradient 2·n·m except for the first product (the images need none), and
/// validation 2·n_val·m, where m is the product's multiply-adds per sample.
/// </summary>
internal static class FlopCount
{
    public static double ForRun(RunConfig config, DataShape data) => ByPhase(config, data).Values.Sum();

    /// <summary>The run's FLOPs in its forward, backward and validation matmuls.</summary>
    public static IReadOnlyDictionary<Phase, double> ByPhase(RunConfig config, DataShape data)
    {
        double forward = 0, backward = 0, validation = 0;
        // A C# model has no layer list to count: one product of the input into the classes stands for it, which keeps the
        // cost order of its runs by data and epochs, all it is used for there.
        IReadOnlyList<Settings.Layers.Matmul> matmuls = config.ModelClass is null ? config.Network(data.Classes).Matmuls(data.Image)
            : [new(1, data.Features, data.Classes)];
        for (var i = 0; i < matmuls.Count; i++)
        {
            var product = matmuls[i].MultiplyAdds;
            forward += 2 * config.NTrain * product;
            backward += (i == 0 ? 2 : 4) * config.NTrain * product;
            validation += 2 * config.NValidation * product;
        }
        return new Dictionary<Phase, double>
        {
            [Phase.ForwardMatmul] = config.Epochs * forward,
            [Phase.BackwardMatmul] = config.Epochs * backward,
            [Phase.ValidationMatmul] = config.Epochs * validation,
        };
    }
}

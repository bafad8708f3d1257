using Harness.Config;
using Harness.Config.Settings;

namespace Harness.Training;

/// <summary>
/// Matmul FLOPs of one run (2 per multiply-add), the part of the work a BLAS bound applies to.
/// Per dense layer of shape in×out and epoch: forward 2·n·in·out, weight gradient 2·n·in·out, input gradient
/// 2·n·in·out except for the first layer (the images need none), and validation 2·n_val·in·out.
/// </summary>
public static class FlopCount
{
    public static double ForRun(RunConfig config, int features, int classes)
    {
        double train = 0, validation = 0;
        var inputs = features;
        for (var layer = 0; layer <= config.Layers; layer++)
        {
            var outputs = layer < config.Layers ? config.Width : classes;
            double product = (double)inputs * outputs;
            train += (layer == 0 ? 4 : 6) * config.NTrain * product;
            validation += 2 * config.NValidation * product;
            inputs = outputs;
        }
        return config.Epochs * (train + validation);
    }
}

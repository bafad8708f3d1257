using Harness.Training.Optimizers;
using TorchSharp;
using TorchSharp.Modules;

namespace Harness.Tests.Unit.Training.Optimizers;

/// <summary>
/// Three steps of Keras 2.2.4's Adagrad (defaults lr = 0.01, ε = 1e-7) against values worked out by hand:
/// <c>a = a + g²; p = p − 0.01·g / (√a + 1e-7)</c>, accumulators starting at 0 (tf.keras's 0.1 would make
/// step 1 of element 0 0.005/0.5916 instead of 0.005/0.5).
/// </summary>
public sealed class AdagradTests
{
    private static readonly float[] Start = [0.5f, -0.25f, 0f];
    private static readonly float[][] Gradients = [[0.5f, -2f, 1e-7f], [0.25f, 1f, -1e-7f], [-0.5f, 0f, 2e-7f]];

    // Step 1: a = g² = [0.25, 4, 1e-14]; √a = [0.5, 2, 1e-7]
    //   steps 0.01·g/(√a + 1e-7) = [0.005/0.5000001, −0.02/2.0000001, 1e-9/2e-7] = [0.009999998, −0.0099999995, 0.005]
    // Step 2: a = [0.3125, 5, 2e-14]; √a = [0.559016994, 2.236067977, 1.414213562e-7]
    //   steps [0.0025/0.559017094, 0.01/2.236068077, −1e-9/2.414213562e-7] = [0.00447213516, 0.00447213576, −0.00414213562]
    // Step 3: a = [0.5625, 5, 6e-14]; √a = [0.75, 2.236067977, 2.449489743e-7]
    //   steps [−0.005/0.7500001, 0, 2e-9/3.449489743e-7] = [−0.00666666578, 0, 0.00579795897]
    // (python3: p -= lr*g/(math.sqrt(a)+eps) elementwise, in float64.)
    private static readonly double[][] Expected =
    [
        [0.4900000019999996, -0.24000000049999998, -0.005],
        [0.4855278668449999, -0.24447213625499956, -0.0008578643762690496],
        [0.4921945326227778, -0.24447213625499956, -0.006655823347401763],
    ];

    [Test]
    public void Adagrad_matches_hand_values_over_three_steps()
    {
        var parameter = new Parameter(torch.tensor(Start));
        OptimizerSteps.AssertSteps(parameter, new KerasAdagrad([parameter], 0.01f, 1e-7f), Gradients, Expected);
    }
}

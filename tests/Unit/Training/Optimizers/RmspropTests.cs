using Harness.Training.Optimizers;
using TorchSharp;
using TorchSharp.Modules;

namespace Harness.Tests.Unit.Training.Optimizers;

/// <summary>
/// Three steps of Keras 2.2.4's RMSprop (defaults lr = 0.001, ρ = 0.9, ε = 1e-7) against values worked out by hand:
/// <c>a = 0.9·a + 0.1·g²; p = p − 0.001·g / (√a + 1e-7)</c>. Element 2's gradients are of the order of ε, so
/// ε, and where it is added, decides its step.
/// </summary>
public sealed class RmspropTests
{
    private static readonly float[] Start = [0.5f, -0.25f, 0f];
    private static readonly float[][] Gradients = [[0.5f, -2f, 1e-7f], [0.25f, 1f, -1e-7f], [-0.5f, 0f, 2e-7f]];

    // Step 1: a = 0.1·g² = [0.025, 0.4, 1e-15]; √a = [0.158113883, 0.632455532, 3.16227766e-8]
    //   steps 0.001·g/(√a + 1e-7) = [0.0005/0.158113983, −0.002/0.632455632, 1e-10/1.316227766e-7]
    //                             = [0.00316227566, −0.00316227716, 0.000759746927]
    // Step 2: a = 0.9·a + 0.1·g² = [0.0225 + 0.00625, 0.36 + 0.1, 9e-16 + 1e-15] = [0.02875, 0.46, 1.9e-15]
    //   √a = [0.16955825, 0.678233, 4.3588989e-8]; steps [0.00147441869, 0.00147441934, −0.000696432229]
    // Step 3: a = [0.025875 + 0.025, 0.414 + 0, 1.71e-15 + 4e-15] = [0.050875, 0.414, 5.71e-15]
    //   √a = [0.22555487, 0.64342832, 7.5564542e-8]; steps [−0.00221675451, 0, 0.00113918219]
    // (python3: p -= lr*g/(math.sqrt(a)+eps) elementwise, in float64.)
    private static readonly double[][] Expected =
    [
        [0.49683772433983037, -0.24683772283983155, -0.000759746926647958],
        [0.4953633056478461, -0.24831214218398925, -6.33146974554484e-05],
        [0.4975800601576529, -0.24831214218398925, -0.0012024968909635954],
    ];

    [Test]
    public void Rmsprop_matches_hand_values_over_three_steps()
    {
        var parameter = new Parameter(torch.tensor(Start));
        OptimizerSteps.AssertSteps(parameter, new KerasRmsprop([parameter], 0.001f, 0.9f, 1e-7f), Gradients, Expected);
    }

    [Test]
    public void Epsilon_is_added_outside_the_root()
    {
        var parameter = new Parameter(torch.tensor(new[] { 0f }));
        var rmsprop = new KerasRmsprop([parameter], 0.001f, 0.9f, 1e-7f);
        parameter.grad = torch.tensor(new[] { 1e-7f });
        rmsprop.Step();
        var actual = parameter.data<float>()[0];

        // a = 0.1·(1e-7)² = 1e-15.
        // Keras:       0.001·1e-7 / (√1e-15 + 1e-7) = 1e-10 / 1.316227766e-7 = 7.59746927e-4
        // ε inside √:  0.001·1e-7 / √(1e-15 + 1e-7) = 1e-10 / 3.16227768e-4  = 3.16227764e-7
        const double outside = -0.000759746926647958, inside = -3.1622776443569915e-07;
        Assert.That(actual, Is.EqualTo(outside).Within(OptimizerSteps.Tolerance(outside)));
        Assert.That(actual, Is.Not.EqualTo(inside).Within(Math.Abs(outside - inside) / 2));
    }
}

using Harness.Training.Optimizers;
using TorchSharp;
using TorchSharp.Modules;

namespace Harness.Tests.Unit.Training.Optimizers;

/// <summary>
/// Keras 2.2.4's Adadelta (defaults lr = 1, ρ = 0.95, ε = 1e-7) against steps worked out by hand:
/// <c>a = ρ·a + (1 − ρ)·g²; u = g·√(d + ε) / √(a + ε); p = p − lr·u; d = ρ·d + (1 − ρ)·u²</c>, the new a and the old d
/// in u.
/// </summary>
public sealed class AdadeltaTests
{
    private static readonly float[] Start = [0.5f, -0.25f, 0f];
    private static readonly float[][] Gradients = [[0.5f, -2f, 1e-7f], [0.25f, 1f, -1e-7f], [-0.5f, 0f, 2e-7f]];

    // Step 1: a = 0.05·g² = [0.0125, 0.2, 5e-16]; d = 0, so u = g·√1e-7 / √(a + 1e-7)
    //   = [0.5·3.16227766e-4/0.111803847, −2·3.16227766e-4/0.447213707, 1e-7·3.16227766e-4/3.16227768e-4]
    //   = [0.00141420795, −0.00141421300, 9.99999998e-8]; d = 0.05·u² = [1.0000e-7, 1.0000e-7, 5.0e-16]
    // Step 2: a = 0.95·a + 0.05·g² = [0.0150, 0.24, 9.75e-16], and u takes the new a with step 1's d.
    // Step 3: element 1's gradient is 0: a decays, u = 0, p stays.
    // (python3: the formulas above elementwise, in float64.)
    private static readonly double[][] Expected =
    [
        [0.4985857920944472, -0.24858578679118015, -9.999999975000001e-08],
        [0.4976729260338828, -0.24949865741606525, 1.249998283998693e-17],
        [0.49916014440431705, -0.24949865741606525, -1.9999999803625003e-07],
    ];

    [Test]
    public void Adadelta_matches_hand_values_over_three_steps()
    {
        var parameter = new Parameter(torch.tensor(Start));
        OptimizerSteps.AssertSteps(parameter, new KerasAdadelta([parameter], 1.0, 0.95, 1e-7), Gradients, Expected);
    }

    [Test]
    public void One_minus_rho_is_rounded_from_python_double_precision()
    {
        // ρ is a Python float in Keras's Adadelta, so 1. − ρ = 0.050000000000000044 becomes float32 0.05000000074505806;
        // float32 arithmetic (1f − 0.95f) would give 0.050000011920928955. Two steps of g = −2 from 0, every operation
        // rounded to float32 in Python (struct.pack('f')), tell the two apart bit for bit.
        var parameter = new Parameter(torch.tensor(new[] { 0f }));
        var adadelta = new KerasAdadelta([parameter], 1.0, 0.95, 1e-7);
        for (var step = 0; step < 2; step++)
        {
            parameter.grad = torch.tensor(new[] { -2f });
            adadelta.Step();
        }
        const float python = 0.0028464426286518574f, float32Complement = 0.00284644216299057f;

        Assert.That(parameter.data<float>()[0], Is.EqualTo(python));
        Assert.That(python, Is.Not.EqualTo(float32Complement), "the two roundings give different bits on these steps");
    }

    [Test]
    public void The_update_uses_the_new_gradient_average_and_the_old_update_average()
    {
        // First step from d = 0: u = g·√ε / √(0.05·g² + ε). Were the old a used, √(0 + ε) would make u = g.
        var parameter = new Parameter(torch.tensor(new[] { 0f }));
        var adadelta = new KerasAdadelta([parameter], 1.0, 0.95, 1e-7);
        parameter.grad = torch.tensor(new[] { 1f });
        adadelta.Step();

        const double expected = -0.001414212148161654;
        Assert.That(parameter.data<float>()[0], Is.EqualTo(expected).Within(OptimizerSteps.Tolerance(expected)));
    }
}

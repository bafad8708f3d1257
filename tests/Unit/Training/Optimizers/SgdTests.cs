using Harness.Training.Optimizers;
using TorchSharp;
using TorchSharp.Modules;

namespace Harness.Tests.Unit.Training.Optimizers;

/// <summary>
/// Three steps of Keras 2.2.4's SGD against values worked out by hand in exact decimals, lr = 0.1,
/// p₀ = [1, −0.5, 0.25], gradients g₁ = [0.5, −1, 2], g₂ = [0.25, 0.5, −1], g₃ = [−0.5, 0, 1]:
/// <c>v = momentum·m − lr·g; m = v; p = p + v</c>, or with Nesterov <c>p = p + momentum·v − lr·g</c>.
/// </summary>
public sealed class SgdTests
{
    private static readonly float[][] Gradients = [[0.5f, -1f, 2f], [0.25f, 0.5f, -1f], [-0.5f, 0f, 1f]];

    // momentum 0: p − 0.1·g each step.
    // 1: [1 − 0.05, −0.5 + 0.1, 0.25 − 0.2] = [0.95, −0.4, 0.05]
    // 2: [0.95 − 0.025, −0.4 − 0.05, 0.05 + 0.1] = [0.925, −0.45, 0.15]
    // 3: [0.925 + 0.05, −0.45 − 0, 0.15 − 0.1] = [0.975, −0.45, 0.05]
    private static readonly double[][] PlainExpected = [[0.95, -0.4, 0.05], [0.925, -0.45, 0.15], [0.975, -0.45, 0.05]];

    // momentum 0.9, velocities:
    // v1 = 0 − 0.1·g1 = [−0.05, 0.1, −0.2]
    // v2 = 0.9·v1 − 0.1·g2 = [−0.045 − 0.025, 0.09 − 0.05, −0.18 + 0.1] = [−0.07, 0.04, −0.08]
    // v3 = 0.9·v2 − 0.1·g3 = [−0.063 + 0.05, 0.036 − 0, −0.072 − 0.1] = [−0.013, 0.036, −0.172]
    // p + v: [0.95, −0.4, 0.05] → [0.88, −0.36, −0.03] → [0.867, −0.324, −0.202]
    private static readonly double[][] MomentumExpected = [[0.95, -0.4, 0.05], [0.88, -0.36, -0.03], [0.867, -0.324, -0.202]];

    // Nesterov, same velocities, p = p + 0.9·v − 0.1·g:
    // 1: [1 − 0.045 − 0.05, −0.5 + 0.09 + 0.1, 0.25 − 0.18 − 0.2] = [0.905, −0.31, −0.13]
    // 2: [0.905 − 0.063 − 0.025, −0.31 + 0.036 − 0.05, −0.13 − 0.072 + 0.1] = [0.817, −0.324, −0.102]
    // 3: [0.817 − 0.0117 + 0.05, −0.324 + 0.0324 − 0, −0.102 − 0.1548 − 0.1] = [0.8553, −0.2916, −0.3568]
    private static readonly double[][] NesterovExpected = [[0.905, -0.31, -0.13], [0.817, -0.324, -0.102], [0.8553, -0.2916, -0.3568]];

    [Test]
    public void Plain_sgd_matches_hand_values_over_three_steps()
    {
        var parameter = Start();
        OptimizerSteps.AssertSteps(parameter, new KerasSgd([parameter], 0.1f, 0f, nesterov: false), Gradients, PlainExpected);
    }

    [Test]
    public void Momentum_matches_hand_values_over_three_steps()
    {
        var parameter = Start();
        OptimizerSteps.AssertSteps(parameter, new KerasSgd([parameter], 0.1f, 0.9f, nesterov: false), Gradients, MomentumExpected);
    }

    [Test]
    public void Nesterov_matches_hand_values_over_three_steps()
    {
        var parameter = Start();
        OptimizerSteps.AssertSteps(parameter, new KerasSgd([parameter], 0.1f, 0.9f, nesterov: true), Gradients, NesterovExpected);
    }

    [Test]
    public void Nesterov_and_plain_momentum_take_different_steps()
    {
        var plain = Start();
        var nesterov = Start();
        var plainSgd = new KerasSgd([plain], 0.1f, 0.9f, nesterov: false);
        var nesterovSgd = new KerasSgd([nesterov], 0.1f, 0.9f, nesterov: true);
        plain.grad = torch.tensor(Gradients[0]);
        nesterov.grad = torch.tensor(Gradients[0]);
        plainSgd.Step();
        nesterovSgd.Step();

        // Already on the first step Nesterov takes momentum·v − lr·g = 1.9·v where plain momentum takes v.
        var plainStep = plain.data<float>().ToArray().Zip(new[] { 1f, -0.5f, 0.25f }, (p, p0) => p - p0).ToArray();
        var nesterovStep = nesterov.data<float>().ToArray().Zip(new[] { 1f, -0.5f, 0.25f }, (p, p0) => p - p0).ToArray();
        for (var i = 0; i < 3; i++)
            Assert.That(nesterovStep[i], Is.EqualTo(1.9 * plainStep[i]).Within(1e-5 * Math.Abs(plainStep[i])), $"element {i}");
    }

    private static Parameter Start() => new(torch.tensor(new[] { 1f, -0.5f, 0.25f }));
}

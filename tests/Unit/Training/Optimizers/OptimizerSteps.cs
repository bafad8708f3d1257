using Harness.Training.Optimizers;
using TorchSharp;
using TorchSharp.Modules;

namespace Harness.Tests.Unit.Training.Optimizers;

/// <summary>Runs an optimizer over given gradients and compares every step with values computed by hand.</summary>
internal static class OptimizerSteps
{
    /// <summary>Relative tolerance: the hand values are exact decimal arithmetic; the optimizer's float32 results
    /// differ from them by at most ~2e-7 relative on these inputs (checked by rounding every operation to float32 in
    /// Python), while every mistake these tests look for moves a value by far more.</summary>
    public const double Relative = 1e-6;

    public static void AssertSteps(Parameter parameter, IOptimizer optimizer, float[][] gradients, double[][] expected)
    {
        for (var step = 0; step < gradients.Length; step++)
        {
            parameter.grad = torch.tensor(gradients[step]);
            optimizer.Step();
            var actual = parameter.data<float>().ToArray();
            Assert.That(actual, Has.Length.EqualTo(expected[step].Length));
            for (var i = 0; i < actual.Length; i++)
                Assert.That(actual[i], Is.EqualTo(expected[step][i]).Within(Tolerance(expected[step][i])),
                    $"step {step + 1}, element {i}");
        }
    }

    public static double Tolerance(double expected) => Math.Max(1e-12, Math.Abs(expected) * Relative);
}

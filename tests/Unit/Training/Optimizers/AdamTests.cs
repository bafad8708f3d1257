using Harness.Training.Optimizers;
using TorchSharp;
using TorchSharp.Modules;

namespace Harness.Tests.Unit.Training.Optimizers;

/// <summary>Three steps of each Adam against values computed by hand (float64, Python) from the published formulas.</summary>
public sealed class AdamTests
{
    private static readonly float[][] Gradients = [[1e-6f, -0.2f, 0f], [2e-6f, 0.1f, -0.5f], [-1e-6f, 0f, 1e-4f]];

    // Element 0 has gradients so small that ε decides the step: that is where Keras and torch differ.
    private static readonly double[][] KerasExpected =
    [
        [-0.0002402530733520423, 0.2509999841888617, -0.5],
        [-0.0006400211372218903, 0.2512663174604933, -0.49925586788273774],
        [-0.0008233349406147137, 0.25147219384992403, -0.49868077943854106],
    ];

    private static readonly double[][] TorchExpected =
    [
        [-0.0009900990099009908, 0.25099999995, -0.5],
        [-0.0019492159576764063, 0.25126633697281325, -0.4992558631974751],
        [-0.002366355638033807, 0.2514722162604448, -0.4986807711342016],
    ];

    [Test]
    public void Keras_adam_matches_hand_values_over_three_steps()
    {
        var parameter = new Parameter(torch.tensor(new[] { 0f, 0.25f, -0.5f }));
        var adam = new KerasAdam([parameter], 0.001f, 0.9f, 0.999f, 1e-7f);
        AssertSteps(parameter, adam, KerasExpected);
    }

    [Test]
    public void Torch_adam_matches_hand_values_over_three_steps()
    {
        var parameter = new Parameter(torch.tensor(new[] { 0f, 0.25f, -0.5f }));
        var adam = new TorchAdam([parameter], 0.001, 0.9, 0.999, 1e-8);
        AssertSteps(parameter, adam, TorchExpected);
    }

    [Test]
    public void Keras_step_size_is_the_bias_corrected_learning_rate()
    {
        var adam = new KerasAdam([], 0.001f, 0.9f, 0.999f, 1e-7f);
        // float32, as TF evaluates it: 0.999f is not 0.999, so agreement is to float32's ~1e-5 relative here.
        Assert.That(adam.StepSize(1), Is.EqualTo(0.001 * Math.Sqrt(0.001) / 0.1).Within(1e-3).Percent);
        Assert.That(adam.StepSize(3), Is.EqualTo(0.001 * Math.Sqrt(1 - Math.Pow(0.999, 3)) / (1 - Math.Pow(0.9, 3))).Within(1e-3).Percent);
    }

    [Test]
    public void Vector_and_scalar_paths_agree_bit_for_bit()
    {
        // 37 elements: several full vectors and a scalar tail, whatever the vector width.
        var values = Enumerable.Range(0, 37).Select(i => (float)Math.Sin(i) * 0.1f).ToArray();
        var grads = Enumerable.Range(0, 37).Select(i => (float)Math.Cos(i * 1.7) * 1e-3f).ToArray();
        var whole = new Parameter(torch.tensor(values));
        var singles = values.Select(v => new Parameter(torch.tensor(new[] { v }))).ToArray();
        var adamWhole = new KerasAdam([whole], 0.001f, 0.9f, 0.999f, 1e-7f);
        var adamSingles = new KerasAdam(singles, 0.001f, 0.9f, 0.999f, 1e-7f);

        for (var step = 0; step < 3; step++)
        {
            whole.grad = torch.tensor(grads);
            for (var i = 0; i < singles.Length; i++) singles[i].grad = torch.tensor(new[] { grads[i] });
            adamWhole.Step();
            adamSingles.Step();
        }

        Assert.That(whole.data<float>().ToArray(), Is.EqualTo(singles.Select(s => s.data<float>()[0]).ToArray()));
    }

    private static void AssertSteps(Parameter parameter, IOptimizer adam, double[][] expected)
    {
        for (var step = 0; step < 3; step++)
        {
            parameter.grad = torch.tensor(Gradients[step]);
            adam.Step();
            var actual = parameter.data<float>().ToArray();
            for (var i = 0; i < actual.Length; i++)
                Assert.That(actual[i], Is.EqualTo(expected[step][i]).Within(Math.Max(1e-7, Math.Abs(expected[step][i]) * 2e-6)),
                    $"step {step + 1}, element {i}");
        }
    }
}

using Harness.Config;
using Harness.Settings.Layers;
using Harness.Settings;
using Harness.Model;
using TorchSharp;

namespace Harness.Tests.Unit.Model;

public sealed class GlorotUniformTests
{
    [Test]
    public void Limit_is_sqrt_6_over_fan_in_plus_fan_out()
    {
        Assert.That(GlorotUniform.Limit(784, 512), Is.EqualTo(Math.Sqrt(6.0 / 1296)));
    }

    [Test]
    public void Every_dense_kernel_lies_within_its_bound_and_fills_it_and_biases_are_zero()
    {
        using var init = new torch.Generator(1);
        using var dropout = new torch.Generator(2);
        using var model = Build(new RunConfig { Layers = 2, Width = 64 }, features: 100, classes: 10, init, dropout);

        foreach (var dense in DenseLayers(model))
        {
            var weight = dense.weight!;
            var limit = GlorotUniform.Limit(weight.shape[1], weight.shape[0]);
            var values = weight.data<float>().ToArray();
            Assert.That(values.Max(v => Math.Abs(v)), Is.LessThanOrEqualTo(limit));
            Assert.That(values.Max(v => Math.Abs(v)), Is.GreaterThan(0.9 * limit), "uniform over the whole band");
            var std = Math.Sqrt(values.Average(v => (double)v * v));
            Assert.That(std, Is.EqualTo(limit / Math.Sqrt(3)).Within(0.1 * limit), "U(-a, a) has sd a/√3");
            Assert.That(dense.bias!.data<float>().ToArray(), Is.All.EqualTo(0f));
        }
    }

    [Test]
    public void Initialisation_draws_from_the_given_generator_only()
    {
        using var a = new torch.Generator(5);
        using var b = new torch.Generator(5);
        using var d = new torch.Generator(9);
        torch.manual_seed(123);
        using var first = Build(new RunConfig { Layers = 1, Width = 8 }, 4, 3, a, d);
        torch.manual_seed(456); // the global generator must not matter
        using var second = Build(new RunConfig { Layers = 1, Width = 8 }, 4, 3, b, d);

        Assert.That(DenseLayers(first).First().weight!.data<float>().ToArray(),
            Is.EqualTo(DenseLayers(second).First().weight!.data<float>().ToArray()));
    }

    private static KerasSequential Build(RunConfig config, int features, int classes, torch.Generator init, torch.Generator dropout) =>
        new(config.Network(classes), new TensorShape(features), init, dropout);

    private static IEnumerable<TorchSharp.Modules.Linear> DenseLayers(KerasSequential model) =>
        model.Layers.OfType<KerasDense>().Select(d => d.Linear);
}

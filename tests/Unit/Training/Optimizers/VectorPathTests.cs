using System.Numerics;
using Harness.Settings;
using Harness.Training.Optimizers;
using TorchSharp;
using TorchSharp.Modules;

namespace Harness.Tests.Unit.Training.Optimizers;

/// <summary>
/// Every optimizer's vector path against its scalar path, bit for bit: one 37-element parameter (whole vectors
/// and a scalar tail, whatever the vector width) against the same 37 values as one-element parameters, which only
/// the scalar path touches. Results that depended on the vector width would differ from machine to machine.
/// </summary>
internal sealed class VectorPathTests
{
    private const int Length = 37;

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("sgd", Semantics.Keras, ("learningRate", 0.05), ("momentum", 0.9));
        yield return Case("sgd", Semantics.Keras, ("learningRate", 0.05), ("momentum", 0.9), ("nesterov", 1));
        yield return Case("rmsprop", Semantics.Keras);
        yield return Case("adagrad", Semantics.Keras);
        yield return Case("adadelta", Semantics.Keras);
        yield return Case("adam", Semantics.Keras);
        yield return Case("adam", Semantics.PyTorch, ("epsilon", 1e-8));
    }

    [TestCaseSource(nameof(Cases))]
    public void Vector_and_scalar_paths_agree_bit_for_bit(string name, Semantics semantics, Dictionary<string, double> settings)
    {
        if (!Vector.IsHardwareAccelerated || Vector<float>.Count <= 1)
            NotRun.Because("this machine has no vector path, so only the scalar one runs", "run on an x86-64 CPU with SIMD");
        var definition = OptimizerCatalog.Find(name)!;
        double Get(string key) => settings.TryGetValue(key, out var value) ? value : definition.Defaults[key];

        // Values of very different sizes, zeros and gradients of the order of ε included.
        var values = Enumerable.Range(0, Length).Select(i => (float)Math.Sin(i) * 0.1f).ToArray();
        var whole = new Parameter(torch.tensor(values));
        var singles = values.Select(v => new Parameter(torch.tensor(new[] { v }))).ToArray();
        var wholeOptimizer = definition.Create([whole], Get, semantics);
        var singlesOptimizer = definition.Create(singles, Get, semantics);

        for (var step = 0; step < 4; step++)
        {
            var grads = Enumerable.Range(0, Length)
                .Select(i => i % 9 == 4 ? 0f : (float)(Math.Cos(i * 1.7 + step) * Math.Pow(10, -(i % 8))))
                .ToArray();
            whole.grad = torch.tensor(grads);
            for (var i = 0; i < Length; i++) singles[i].grad = torch.tensor(new[] { grads[i] });
            wholeOptimizer.Step();
            singlesOptimizer.Step();
        }

        var wholeBits = whole.data<float>().ToArray().Select(BitConverter.SingleToInt32Bits).ToArray();
        var singleBits = singles.Select(s => BitConverter.SingleToInt32Bits(s.data<float>()[0])).ToArray();
        Assert.That(wholeBits, Is.EqualTo(singleBits));
        Assert.That(wholeBits, Is.Not.EqualTo(values.Select(BitConverter.SingleToInt32Bits).ToArray()), "the optimizer moved nothing");
    }

    private static TestCaseData Case(string name, Semantics semantics, params (string Key, double Value)[] settings) =>
        new TestCaseData(name, semantics, settings.ToDictionary(s => s.Key, s => s.Value))
            .SetArgDisplayNames($"{name} {semantics}{string.Concat(settings.Select(s => $" {s.Key}={s.Value}"))}");
}

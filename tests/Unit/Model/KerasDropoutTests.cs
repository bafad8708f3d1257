using Harness.Model;
using TorchSharp;

namespace Harness.Tests.Unit.Model;

public sealed class KerasDropoutTests
{
    [Test]
    public void Masks_differ_between_consecutive_batches()
    {
        using var generator = new torch.Generator(1);
        using var dropout = new KerasDropout(0.2, generator);
        using var first = dropout.DrawMask([64, 32]);
        using var second = dropout.DrawMask([64, 32]);
        Assert.That(first.data<float>().ToArray(), Is.Not.EqualTo(second.data<float>().ToArray()));
    }

    [Test]
    public void Keeps_about_one_minus_rate_of_the_units()
    {
        using var generator = new torch.Generator(1);
        using var dropout = new KerasDropout(0.2, generator);
        using var mask = dropout.DrawMask([1000, 100]);
        var values = mask.data<float>().ToArray();
        Assert.That(values, Is.All.EqualTo(0f).Or.EqualTo(1f));
        Assert.That(values.Average(), Is.EqualTo(0.8).Within(0.005), "100,000 Bernoulli(0.8): sd 0.0013");
    }

    [Test]
    public void Training_scales_kept_units_by_one_over_keep_and_zeroes_the_rest()
    {
        using var generator = new torch.Generator(1);
        using var dropout = new KerasDropout(0.2, generator);
        dropout.train();
        using var input = torch.full(50, 100, 3f);
        using var output = dropout.forward(input);
        var values = output.data<float>().ToArray();
        Assert.That(values, Is.All.EqualTo(0f).Or.EqualTo(3f / 0.8f));
        Assert.That(values.Count(v => v == 0), Is.InRange(800, 1200));
    }

    [Test]
    public void Inference_is_the_identity()
    {
        using var generator = new torch.Generator(1);
        using var dropout = new KerasDropout(0.2, generator);
        dropout.eval();
        using var input = torch.arange(10f);
        Assert.That(dropout.forward(input).data<float>().ToArray(), Is.EqualTo(input.data<float>().ToArray()));
    }

    [Test]
    public unsafe void Bernoulli_mask_threshold_is_exact_at_the_edges()
    {
        var mask = new float[4096];
        fixed (float* p = mask) BernoulliMask.Fill(p, mask.Length, 0.0, 42);
        Assert.That(mask, Is.All.EqualTo(1f), "rate 0 keeps everything");
        fixed (float* p = mask) BernoulliMask.Fill(p, mask.Length, 0.999999999, 42);
        Assert.That(mask, Is.All.EqualTo(0f), "rate ≈ 1 keeps nothing");
    }
}

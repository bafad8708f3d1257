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

    /// <summary>The published algorithm written out one element pair at a time, as the mask was computed before it was
    /// vectorised: the reference every mask must equal bit for bit.</summary>
    private static float[] ScalarMask(int count, double rate, ulong seed)
    {
        var threshold = (uint)Math.Ceiling(rate * (1 << 24));
        var mask = new float[count];
        var state = seed;
        ulong Next()
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
        for (var i = 0; i < count; i += 2)
        {
            var bits = Next();
            mask[i] = (bits >> 40) >= threshold ? 1f : 0f;
            if (i + 1 < count) mask[i + 1] = ((bits >> 8) & 0xFFFFFF) >= threshold ? 1f : 0f;
        }
        return mask;
    }

    [Test]
    public unsafe void The_vectorised_mask_is_the_scalar_algorithms_bit_for_bit(
        [Values(0, 1, 2, 7, 8, 9, 15, 16, 17, 65536, 65541)] int count, [Values(0.2, 0.5, 0.25)] double rate)
    {
        foreach (var seed in new ulong[] { 0, 42, 0x7FFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFF0 })
        {
            var mask = new float[count];
            fixed (float* p = mask) BernoulliMask.Fill(p, count, rate, seed);
            var expected = ScalarMask(count, rate, seed).Select(BitConverter.SingleToInt32Bits);
            Assert.That(mask.Select(BitConverter.SingleToInt32Bits), Is.EqualTo(expected), $"seed {seed}");
        }
    }

    [Test]
    public void The_avx2_64_bit_multiply_is_the_low_half_of_the_product()
    {
        if (!System.Runtime.Intrinsics.X86.Avx2.IsSupported)
            NotRun.Because("this CPU has no AVX2, so the AVX2 multiply is never used here",
                "run on an x86-64 CPU with AVX2 (every GitHub-hosted runner has it; the portable profile needs it)");
        var random = new Random(7);
        for (var trial = 0; trial < 1000; trial++)
        {
            var lanes = Enumerable.Range(0, 4).Select(_ => (ulong)random.NextInt64() * 3 + (ulong)random.Next()).ToArray();
            var factor = (ulong)random.NextInt64() * 5 + 1;
            var product = BernoulliMask.MultiplyLowAvx2(System.Runtime.Intrinsics.Vector256.Create(lanes), factor);
            Assert.That(Enumerable.Range(0, 4).Select(i => product[i]), Is.EqualTo(lanes.Select(l => unchecked(l * factor))));
        }
    }
}

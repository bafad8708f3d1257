namespace Harness.Model;

/// <summary>
/// Fills a float32 buffer with a 0/1 keep-mask, P(1) = 1 − rate, from one 64-bit seed.
/// </summary>
/// <remarks>
/// Each element takes 24 uniform bits u (as torch's and TensorFlow's float32 uniform do) and is kept when
/// u · 2⁻²⁴ ≥ rate — TensorFlow 1's <c>floor(keep + U[0,1))</c>. The bits come from SplitMix64 (Steele, Lea and
/// Flood, 2014) started at the seed, two elements per 64-bit output. The seed itself is drawn from the run's
/// dropout <see cref="TorchSharp.torch.Generator"/> once per mask, so that generator stays the one source of
/// dropout randomness and advances every batch; SplitMix64 only expands it, about 6× faster than libtorch's
/// scalar mt19937 <c>rand</c>, which cost ~8% of a 9-layer run with dropout.
/// </remarks>
public static class BernoulliMask
{
    public static unsafe void Fill(float* mask, long count, double rate, ulong seed)
    {
        // Smallest 24-bit value that is kept: u / 2^24 >= rate  <=>  u >= ceil(rate * 2^24).
        var threshold = (uint)Math.Ceiling(rate * (1 << 24));
        var state = seed;
        long i = 0;
        for (; i + 1 < count; i += 2)
        {
            var bits = Next(ref state);
            mask[i] = Keep((uint)(bits >> 40), threshold);
            mask[i + 1] = Keep((uint)(bits >> 8) & 0xFFFFFF, threshold);
        }
        if (i < count) mask[i] = Keep((uint)(Next(ref state) >> 40), threshold);
    }

    /// <summary>1 when u ≥ threshold, else 0, without a branch: a random branch mispredicts every fifth element.</summary>
    private static float Keep(uint u, uint threshold) => 1 + ((int)(u - threshold) >> 31);

    private static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

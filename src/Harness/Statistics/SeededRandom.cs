namespace Harness.Statistics;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014): a small generator whose sequence is fixed by this code, so resampling
/// reproduces across machines and .NET versions (System.Random promises neither).
/// </summary>
internal sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, n), by rejection so there is no modulo bias.</summary>
    public int Next(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var limit = ulong.MaxValue - ulong.MaxValue % (ulong)n;
        ulong x;
        do x = NextUInt64(); while (x >= limit);
        return (int)(x % (ulong)n);
    }

    /// <summary>A seed for a named sub-stream: stable, and unrelated for different names.</summary>
    public static ulong Derive(ulong seed, string name)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{seed}/{name}"));
        return BitConverter.ToUInt64(hash, 0);
    }
}

using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using TorchSharp;

namespace Harness.Training;

/// <summary>
/// One run seed, three independent generators: weight init, the per-epoch shuffle and dropout.
/// </summary>
/// <remarks>
/// Derivation: the seed of stream <c>s</c> for run seed <c>k</c> is the first 8 bytes (little-endian) of
/// SHA-256("harness/v1/{s}/{k}") with the top bit cleared, and each stream is its own
/// <see cref="torch.Generator"/> (libtorch's CPU generator, mt19937). Hashing keeps the streams
/// independent (seed 1's shuffle is unrelated to seed 2's init) and the mapping is fixed here, unlike
/// System.Random's sequence, which .NET does not promise to keep. Nothing draws from torch's global
/// generator, which TorchSharp's Dropout module and its init functions use by default.
/// </remarks>
internal sealed class RandomStreams : IDisposable
{
    private RandomStreams(int seed)
    {
        Init = new torch.Generator(DeriveSeed(seed, "init"));
        Shuffle = new torch.Generator(DeriveSeed(seed, "shuffle"));
        Dropout = new torch.Generator(DeriveSeed(seed, "dropout"));
    }

    public torch.Generator Init { get; }
    public torch.Generator Shuffle { get; }
    public torch.Generator Dropout { get; }

    public static RandomStreams ForSeed(int seed) => new(seed);

    public static ulong DeriveSeed(int runSeed, string stream)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"harness/v1/{stream}/{runSeed}"));
        return BinaryPrimitives.ReadUInt64LittleEndian(hash) & 0x7FFF_FFFF_FFFF_FFFFUL;
    }

    public void Dispose()
    {
        Init.Dispose();
        Shuffle.Dispose();
        Dropout.Dispose();
    }
}

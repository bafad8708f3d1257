using System.Buffers.Binary;
using System.IO.Compression;

namespace Harness.Tests;

/// <summary>Tiny synthetic IDX files written to a temporary directory.</summary>
internal sealed class IdxFixtures : IDisposable
{
    public string Directory { get; } = TestScratch.Path("harness-idx");

    public IdxFixtures() => System.IO.Directory.CreateDirectory(Directory);

    public static byte[] Idx(int[] shape, byte[] elements, byte type = 0x08)
    {
        var bytes = new byte[4 + 4 * shape.Length + elements.Length];
        bytes[2] = type;
        bytes[3] = (byte)shape.Length;
        for (var d = 0; d < shape.Length; d++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * d), shape[d]);
        elements.CopyTo(bytes, 4 + 4 * shape.Length);
        return bytes;
    }

    public static byte[] Gzip(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal)) gzip.Write(raw);
        return output.ToArray();
    }

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A complete 4-file dataset: <paramref name="train"/> and <paramref name="test"/> images of
    /// <paramref name="side"/>×<paramref name="side"/> pixels.</summary>
    public void WriteDataset(int train, int test, bool gzip = false, int side = 2)
    {
        void One(string name, int[] shape, Func<int, byte> value)
        {
            var count = shape.Aggregate(1, (a, b) => a * b);
            var raw = Idx(shape, Enumerable.Range(0, count).Select(value).ToArray());
            Write(gzip ? name + ".gz" : name, gzip ? Gzip(raw) : raw);
        }
        One(Harness.Data.MnistFiles.TrainImages, [train, side, side], i => (byte)(i % 256));
        One(Harness.Data.MnistFiles.TrainLabels, [train], i => (byte)(i % 3));
        One(Harness.Data.MnistFiles.TestImages, [test, side, side], i => (byte)(255 - i % 256));
        One(Harness.Data.MnistFiles.TestLabels, [test], i => (byte)((i + 1) % 3));
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

using System.Buffers.Binary;
using System.IO.Compression;

namespace Harness.Data;

/// <summary>
/// Reads IDX files (LeCun's MNIST format, also used by Fashion-MNIST, KMNIST, EMNIST), raw or gzip-compressed.
/// Only unsigned-byte payloads are supported, which is what these image datasets use.
/// </summary>
internal static class IdxFile
{
    private const byte UnsignedByte = 0x08;

    public static IdxArray Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new InvalidDataException($"{path}: cannot be read: {e.Message}", e);
        }
        if (bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b) bytes = Gunzip(bytes, path);
        return Parse(bytes, path);
    }

    public static IdxArray Parse(byte[] bytes, string path)
    {
        if (bytes.Length < 4)
            throw new InvalidDataException($"{path}: {bytes.Length} bytes is too short for an IDX header.");
        if (bytes[0] != 0 || bytes[1] != 0)
            throw new InvalidDataException(
                $"{path}: not an IDX file: magic number starts 0x{bytes[0]:x2} 0x{bytes[1]:x2}, expected 0x00 0x00.");
        if (bytes[2] != UnsignedByte)
            throw new InvalidDataException(
                $"{path}: IDX element type 0x{bytes[2]:x2} is not supported; expected 0x08 (unsigned byte).");

        var rank = bytes[3];
        var headerLength = 4 + 4 * rank;
        if (rank == 0 || bytes.Length < headerLength)
            throw new InvalidDataException($"{path}: IDX header declares {rank} dimensions but the file holds {bytes.Length} bytes.");

        var shape = new int[rank];
        long elements = 1;
        for (var d = 0; d < rank; d++)
        {
            shape[d] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * d));
            if (shape[d] < 0) throw new InvalidDataException($"{path}: dimension {d} is negative ({shape[d]}).");
            elements *= shape[d];
        }

        var expected = headerLength + elements;
        if (bytes.Length != expected)
            throw new InvalidDataException(
                $"{path}: header dimensions [{string.Join(", ", shape)}] need {expected} bytes, but the file holds " +
                $"{bytes.Length} ({(bytes.Length < expected ? "truncated" : "trailing data")}).");

        return new IdxArray(shape, bytes.AsMemory(headerLength));
    }

    private static byte[] Gunzip(byte[] compressed, string path)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var output = new MemoryStream();
            gzip.CopyTo(output);
            return output.ToArray();
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            throw new InvalidDataException($"{path}: broken gzip stream: {e.Message}", e);
        }
    }
}

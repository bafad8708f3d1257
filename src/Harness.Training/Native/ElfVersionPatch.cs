using System.Buffers.Binary;
using System.Text;

namespace Harness.Native;

/// <summary>
/// Marks one symbol-version requirement of an ELF64 shared library as weak (VER_FLG_WEAK), so the
/// dynamic loader only warns when the version is missing instead of refusing to load the library.
/// </summary>
internal static class ElfVersionPatch
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    /// <summary>Returns a patched copy of <paramref name="elf"/>, or null when it has no such requirement.</summary>
    public static byte[]? MarkVersionWeak(ReadOnlySpan<byte> elf, string version, string fileName)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException($"{fileName}: not an ELF file.");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException($"{fileName}: expected a little-endian ELF64 file (class {elf[4]}, data {elf[5]}).");

        var sectionHeaders = checked((int)U64(elf, 0x28));
        int entrySize = U16(elf, 0x3A), count = U16(elf, 0x3C);
        for (var i = 0; i < count; i++)
        {
            var header = sectionHeaders + i * entrySize;
            if (U32(elf, header + 4) != ShtGnuVerneed) continue;

            var verneed = checked((int)U64(elf, header + 0x18));
            var needCount = (int)U32(elf, header + 0x2C);
            var stringHeader = sectionHeaders + (int)U32(elf, header + 0x28) * entrySize;
            var strings = checked((int)U64(elf, stringHeader + 0x18));
            return PatchVerneed(elf, verneed, needCount, strings, version);
        }
        return null;
    }

    private static byte[]? PatchVerneed(ReadOnlySpan<byte> elf, int verneed, int needCount, int strings, string version)
    {
        var need = verneed;
        for (var n = 0; n < needCount; n++)
        {
            var aux = need + (int)U32(elf, need + 8);
            for (var a = 0; a < U16(elf, need + 2); a++)
            {
                if (CString(elf, strings + (int)U32(elf, aux + 8)) == version)
                {
                    var patched = elf.ToArray();
                    var flags = (ushort)(U16(elf, aux + 4) | VerFlgWeak);
                    BinaryPrimitives.WriteUInt16LittleEndian(patched.AsSpan(aux + 4), flags);
                    return patched;
                }
                aux += (int)U32(elf, aux + 12);
            }
            need += (int)U32(elf, need + 12);
        }
        return null;
    }

    private static ushort U16(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt16LittleEndian(b[at..]);
    private static uint U32(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt32LittleEndian(b[at..]);
    private static ulong U64(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt64LittleEndian(b[at..]);

    private static string CString(ReadOnlySpan<byte> b, int at)
    {
        var end = b[at..].IndexOf((byte)0);
        return Encoding.ASCII.GetString(b.Slice(at, end));
    }
}

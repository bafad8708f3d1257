using System.Security.Cryptography;
using Harness.IO;

namespace Harness.Native;

/// <summary>
/// A file published with the SHA-256 of its bytes beside it (<c>&lt;file&gt;.sha256</c>), so that a later run opens only
/// bytes this program wrote: a file changed afterwards, left half-written, or cached by an older Harness that kept no
/// record (and trusted whatever it found) reads as absent, and is rebuilt rather than loaded.
/// </summary>
internal static class HashedFile
{
    public static string RecordOf(string path) => path + ".sha256";

    public static bool IsIntact(string path)
    {
        var record = RecordOf(path);
        if (!File.Exists(path) || !File.Exists(record)) return false;
        return string.Equals(File.ReadAllText(record).Trim(), Sha256(File.ReadAllBytes(path)), StringComparison.Ordinal);
    }

    /// <summary>Record first, then the file, each by atomic rename: a reader between the two sees a mismatch and rebuilds.
    /// Two processes publishing at once write the same bytes (g++ output is deterministic), so either order ends intact.</summary>
    public static void Publish(string path, byte[] bytes)
    {
        AtomicFile.WriteAllText(RecordOf(path), Sha256(bytes) + "\n");
        AtomicFile.WriteAllBytes(path, bytes);
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

using System.Text;

namespace Harness.IO;

/// <summary>Writes a file so that readers see either the old content or the new, never a half-written file.</summary>
internal static class AtomicFile
{
    private static int _counter;

    public static void WriteAllText(string path, string text) =>
        WriteAllBytes(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));

    public static void WriteAllBytes(string path, byte[] bytes)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        // Unique per process and call, in the same directory so the rename never crosses file systems.
        var temp = Path.Combine(directory,
            $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Interlocked.Increment(ref _counter)}.tmp");
        // CreateNew (O_EXCL) rather than File.WriteAllBytes: it neither follows a symlink planted at the temp name nor
        // writes into a file someone else created there (it fails instead, and that file is left alone). Unbuffered, so a
        // full disk fails the write below, where the temp file is removed, not a flush on closing after it.
        var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        try
        {
            using (stream) stream.Write(bytes);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}

using System.Text;

namespace Harness.Store;

/// <summary>
/// An entry file read without trusting it: anyone who can write into a store can put anything under an entry's name, and
/// reading must neither follow a link (to <c>/dev/zero</c>, which never ends), nor open a FIFO (which blocks until someone
/// writes), nor load a file of any size. What is found is checked before the file is opened, and the read is bounded anyway.
/// </summary>
internal static class EntryFile
{
    /// <summary>
    /// The most an entry may hold. A real entry is small: about 2.4 KB of key inputs and fingerprints, and 85 bytes per epoch
    /// of history (measured: a 100-epoch entry is 10,948 bytes, 8,527 of them its history), so about 4 KB for an 18-epoch run
    /// of the tutorial's grid. 16 MiB is some 190,000 epochs, beyond any run, while a file that large still reads in a moment
    /// and parses in a few times its size of memory.
    /// </summary>
    public const int MaxBytes = 16 << 20;

    /// <summary>The file's text; no text and no problem when there is no file; no text and the problem (what was found there)
    /// when it is not a regular file of at most <see cref="MaxBytes"/>.</summary>
    public static (string? Text, string? Problem) Read(string path)
    {
        try
        {
            // FileInfo reads the link itself (lstat), never its target.
            var file = new FileInfo(path);
            if (file.LinkTarget is { } target) return (null,
                $"is a symbolic link (to {target}), not an entry file; the run store never follows links");
            if (Directory.Exists(path)) return (null, "is a directory, not an entry file");
            if (!file.Exists) return (null, null);
            // A FIFO, a device or a socket has no size, and .NET cannot open one without blocking (no O_NONBLOCK): never opened.
            if (file.Length == 0) return (null, "is 0 bytes: empty, or not a regular file (a FIFO, a device or a socket); not opened");
            if (file.Length > MaxBytes) return (null,
                $"is {file.Length} bytes, more than the {MaxBytes >> 20} MiB an entry may hold (a real one holds a few KB); not read");
            using var stream =
                new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete,
                    4096, FileOptions.SequentialScan);
            // Bounded again: the file may have changed since it was measured (one byte more than measured tells).
            var buffer = new byte[file.Length + 1];
            var length = 0;
            for (int read; length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0;) length += read;
            if (length > file.Length) return (null, "grew while it was read (a writer that does not write atomically?); not read");
            var bom = length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
            return (Encoding.UTF8.GetString(buffer, bom, length - bom), null);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot be read: {e.Message}");
        }
    }
}

using System.Runtime.InteropServices;

namespace Harness.IO;

/// <summary>Who owns a file, and with which mode bits, as the kernel says: .NET has no managed call for a file's owner.</summary>
internal static partial class FileOwner
{
    /// <summary>This process's effective user id.</summary>
    public static uint CurrentUser => GetEUid();

    /// <summary>
    /// Owner and mode bits (including sticky and the file type) of what <paramref name="path"/> names; null when it is absent.
    /// </summary>
    /// <param name="followLinks">False: of a symlink itself, never of what it points to.</param>
    public static unsafe (uint Uid, uint Mode)? Of(string path, bool followLinks = true)
    {
        const int atFdCwd = -100, atSymlinkNoFollow = 0x100;
        const uint statxUid = 0x8, statxMode = 0x2;
        var buffer = stackalloc byte[256]; // sizeof(struct statx)
        if (StatX(atFdCwd, path, followLinks ? 0 : atSymlinkNoFollow, statxUid | statxMode, buffer) != 0) return null;
        return (*(uint*)(buffer + 20), *(ushort*)(buffer + 28)); // stx_uid, stx_mode
    }

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEUid();

    // statx rather than stat: its struct has one layout on every architecture, so no per-arch offsets.
    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int StatX(int dirFd, string path, int flags, uint mask, byte* buffer);
}

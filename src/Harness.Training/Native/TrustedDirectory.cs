using Harness.IO;

namespace Harness.Native;

/// <summary>
/// Whether a directory is safe to build native libraries in and to dlopen them from: only this user (or root) can change
/// what it holds, or swap it for another directory.
/// </summary>
/// <remarks>
/// A library there runs with this program's rights the moment it is opened, so anyone who can write the directory can run
/// code as this user: plant a file under the predictable name before the build, replace it after, or rename the whole
/// directory away through a writable parent. Hence the directory must be this user's and writable by nobody else; even
/// the sticky bit does not help there, since the names are predictable and another user could take one first. Every
/// parent must belong to this user or root and be writable by nobody else unless sticky (as /tmp is: then others cannot
/// rename this user's entries).
/// </remarks>
internal static class TrustedDirectory
{
    private const uint GroupOrOtherWrite = 0b000_010_010; // S_IWGRP | S_IWOTH
    private const uint Sticky = 0x200; // S_ISVTX

    /// <summary>Null when the directory is trusted, else why not, naming the path at fault.</summary>
    public static string? Problem(string directory)
    {
        var real = Libc.RealPath(directory);
        if (real is null) return $"{directory} does not exist";
        var self = FileOwner.CurrentUser;

        var (uid, mode) = FileOwner.Of(real) ?? (uint.MaxValue, 0u);
        if (uid != self) return $"{real} belongs to user id {uid}, not to this user ({self})";
        if ((mode & GroupOrOtherWrite) != 0) return $"{real} is writable by other users (mode {Octal(mode)})";

        for (var parent = Path.GetDirectoryName(real); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            var (parentUid, parentMode) = FileOwner.Of(parent) ?? (uint.MaxValue, 0u);
            if (parentUid != self && parentUid != 0) return $"its parent {parent} belongs to user id {parentUid}";
            if ((parentMode & GroupOrOtherWrite) != 0 && (parentMode & Sticky) == 0)
                return $"its parent {parent} is writable by other users (mode {Octal(parentMode)}), who could replace it";
        }
        return null;
    }

    private static string Octal(uint mode) => Convert.ToString(mode & 0xfff, 8).PadLeft(4, '0');
}

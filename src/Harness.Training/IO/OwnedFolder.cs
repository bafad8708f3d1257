using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Harness.IO;

/// <summary>
/// A folder a process makes for passing work of its own (a report being staged, a native library being built) and deletes
/// when the work is done. A killed process cannot delete it, so the folder holds an owner file naming its process (pid,
/// host, start time: <see cref="ProcessIdentity"/>), and a later process deletes it once it has proved all of:
/// <list type="bullet">
/// <item>its name is the pattern its maker writes, with the maker's pid in it;</item>
/// <item>it is a directory, not a link to one, and it belongs to this user;</item>
/// <item>its owner file is a regular file of this user's that names the same pid, this host, and a start time;</item>
/// <item>that process has exited, or its pid is another process now.</item>
/// </list>
/// Anything else stays as it is: another user's folder, another host's (a shared file system, where a pid means nothing), a
/// live process's, or one without a readable owner file (its maker was killed between making it and writing the file, or
/// the folder is not a harness one).
/// </summary>
internal static class OwnedFolder
{
    /// <summary>The owner file's name, inside the folder.</summary>
    public const string OwnerFile = ".harness-owner";

    private const uint FileType = 0xF000, DirectoryType = 0x4000, RegularFileType = 0x8000; // S_IFMT, S_IFDIR, S_IFREG

    /// <summary>Marks <paramref name="folder"/>, just made by this process, as this process's.</summary>
    public static void Claim(string folder)
    {
        var owner = JsonSerializer.Serialize(new Owner(Environment.ProcessId, Environment.MachineName, ProcessIdentity.Start)) + "\n";
        // CreateNew: never through a link planted at the name, never into someone else's file.
        using var stream = new FileStream(Path.Combine(folder, OwnerFile), FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(Encoding.UTF8.GetBytes(owner));
    }

    /// <summary>
    /// Deletes the folders directly in <paramref name="parent"/> whose names <paramref name="name"/> matches (its group
    /// <c>pid</c> the maker's pid) and whose owner is proved gone, as the class says. A folder that cannot be deleted whole is
    /// left (what could be deleted of it is gone).
    /// </summary>
    /// <returns>Each folder deleted, and why its owner counts as gone.</returns>
    public static IReadOnlyList<(string Folder, string Why)> RemoveAbandoned(string parent, Regex name)
    {
        // The owner and file-type checks ask the kernel, through Linux's statx.
        if (!OperatingSystem.IsLinux()) return [];
        List<string> candidates;
        try
        {
            candidates = [.. Directory.EnumerateDirectories(parent).Where(d => name.IsMatch(Path.GetFileName(d)))];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return []; // no such folder, or not one this user may list
        }
        var removed = new List<(string, string)>();
        foreach (var folder in candidates)
        {
            if (WhyAbandoned(folder, name) is not { } why) continue;
            try
            {
                Directory.Delete(folder, recursive: true); // links inside are deleted themselves, never followed
                removed.Add((folder, why));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another process removed it meanwhile, or something in it is not this user's to delete.
            }
        }
        return removed;
    }

    /// <summary>Why the folder's owner is gone, once proved; null for any folder that must stay.</summary>
    private static string? WhyAbandoned(string folder, Regex name)
    {
        var match = name.Match(Path.GetFileName(folder));
        if (!int.TryParse(match.Groups["pid"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) return null;
        if (!IsOurs(folder, DirectoryType)) return null;
        var ownerFile = Path.Combine(folder, OwnerFile);
        if (!IsOurs(ownerFile, RegularFileType) || new FileInfo(ownerFile).Length > 4096) return null;
        Owner? owner;
        try
        {
            owner = JsonSerializer.Deserialize<Owner>(File.ReadAllText(ownerFile));
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
        if (owner is not { Host: not null, ProcessStart: not null } || owner.Pid != pid || owner.Host != Environment.MachineName)
            return null;
        return ProcessIdentity.WhyGone(owner.Pid, owner.ProcessStart);
    }

    /// <summary>Whether <paramref name="path"/> itself (never what a link there points to) is of the type and this user's.</summary>
    private static bool IsOurs(string path, uint type) =>
        FileOwner.Of(path, followLinks: false) is { } stat && (stat.Mode & FileType) == type && stat.Uid == FileOwner.CurrentUser;

    private sealed record Owner(int Pid, string Host, string ProcessStart);
}

using Harness.IO;
using System.Globalization;
using System.Text.Json;

namespace Harness.Store;

/// <summary>What a lock says of its holder, and how its staleness is judged.</summary>
internal sealed partial class RunLock
{
    /// <summary>
    /// Why the lock is stale, or null while its holder may be alive. Its age is judged two ways, and either suffices: by its
    /// modification time (so a lock left long ago is taken over at once, by a process that has just started), and by how
    /// long it has stayed unchanged while this process waited (<paramref name="unchangedFor"/>, on this process's own clock),
    /// which no timestamp can freeze. A modification time in the future is not called broken on sight: a host whose clock
    /// runs ahead writes such times on a shared file system for locks that are alive, and taking those over at once would
    /// train every one of its runs twice; waiting out <paramref name="staleAfter"/> of no change costs at most that long.
    /// </summary>
    private static string? Staleness(string text, DateTime touched, TimeSpan staleAfter, TimeSpan unchangedFor)
    {
        var idle = DateTime.UtcNow - touched;
        var waited = $"unchanged for {Duration(unchangedFor)} while this process waited";
        if (Parse(text) is not { } holder)
        {
            var unreadableAfter = staleAfter < UnreadableStaleAfter ? staleAfter : UnreadableStaleAfter;
            return idle > unreadableAfter ? $"unreadable, and untouched for {Duration(idle)}"
                : unchangedFor > unreadableAfter ? $"unreadable, and {waited}" : null;
        }
        if (idle > staleAfter) return $"untouched for {Duration(idle)}";
        if (unchangedFor > staleAfter) return $"{waited}: no epoch ended in that time";
        if (holder.Host != Environment.MachineName) return null; // only its age tells, from here
        return ProcessIdentity.WhyGone(holder.Pid, holder.ProcessStart);
    }

    /// <summary>Seconds up to two minutes, minutes beyond: a test's bound of a second and the default of 15 minutes both read.</summary>
    internal static string Duration(TimeSpan span) => span < TimeSpan.FromMinutes(2)
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} min");

    private static string Describe(string text) =>
        Parse(text) is { } h ? $"process {h.Pid} on {h.Host} (since {h.Taken})" : "an unreadable lock";

    private static Holder? Parse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<Holder>(text) is { Host: not null, ProcessStart: not null } holder ? holder : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The lock's text and modification time; no text when there is no lock. A lock that is there but cannot be read — a
    /// link (never followed), a folder, a FIFO or a device (no size: never opened, since opening one blocks), more than a lock
    /// ever holds, or not readable by this user — is empty text: an unreadable lock, judged stale by its age like any other,
    /// rather than taken for one released a moment ago, which would have its waiters look again for ever.
    /// </summary>
    private static (string? Text, DateTime Touched) ReadLock(string path)
    {
        try
        {
            // FileSystemInfo reads the link itself (lstat), never its target.
            FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            if (!info.Exists && info.LinkTarget is null) return (null, default);
            var touched = info.LastWriteTimeUtc;
            if (info is not FileInfo { Length: > 0 and <= 4096 } file || file.LinkTarget is not null) return ("", touched);
            try
            {
                return (File.ReadAllText(path), touched);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                return (null, default); // released meanwhile
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return ("", touched);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, default);
        }
    }

    private sealed record Holder(int Pid, string Host, string ProcessStart, string Taken);
}

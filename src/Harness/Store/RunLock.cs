using System.Globalization;
using System.Text;
using System.Text.Json;
using Harness.IO;

namespace Harness.Store;

/// <summary>
/// One process's claim to train one run of a store that several processes share: <c>&lt;key&gt;.lock</c> beside the entry,
/// created only where there is none (<see cref="FileMode.CreateNew"/>), holding the holder's pid, host and start time. The
/// others wait for the entry rather than train the run too. A lock whose holder is gone is stale, and taken over: on the
/// same host as soon as its pid is not alive (or is another process now: its start time differs); from any host once it
/// has gone <see cref="StaleAfter"/> untouched, since the holder touches it at every epoch. So a crash or a kill blocks no
/// one for long, and never forever.
/// </summary>
public sealed class RunLock : IDisposable
{
    /// <summary>
    /// How long a lock may go untouched before anyone may take it over. The holder touches it at every epoch, and an epoch
    /// of the tutorial's largest run takes seconds; 15 minutes is generous for far larger runs and for clocks that differ
    /// between hosts sharing a store. Too short costs a second training of the run (entries are written atomically and
    /// have the same bits, so nothing breaks); too long only delays taking over a lock from a host that died.
    /// </summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(15);

    /// <summary>A lock with nothing readable in it (its holder died between creating and writing it) is stale sooner.</summary>
    private static readonly TimeSpan UnreadableStaleAfter = TimeSpan.FromMinutes(1);

    private readonly string _content;

    private RunLock(string path, string content) => (Path, _content) = (path, content);

    public string Path { get; }

    /// <summary>What an attempt found: the lock taken (and whose stale lock it replaced, if any), or who holds it.</summary>
    public sealed record Attempt(RunLock? Taken, string? HeldBy, string? TookOverFrom);

    /// <summary>Takes the lock at <paramref name="path"/> if no live process holds it.</summary>
    public static Attempt TryTake(string path)
    {
        string? tookOver = null;
        for (var tries = 0; tries < 3; tries++)
        {
            if (TryCreate(path) is { } taken) return new(taken, null, tookOver);
            var (text, touched) = ReadLock(path);
            if (text is null) continue; // released meanwhile: try again
            var holder = Describe(text);
            if (Staleness(text, touched) is not { } why) return new(null, holder, null);
            // Deleted only if it is still the lock judged stale. Two processes taking over at once can still both train the
            // run (one deletes the lock the other just created): a second training, never a broken entry.
            if (ReadLock(path).Text == text) TryDelete(path);
            tookOver = $"{holder} ({why})";
        }
        return new(null, "another process (the lock changed hands while it was taken over)", null);
    }

    /// <summary>Says the holder is alive and training: an epoch has passed.</summary>
    public void Touch()
    {
        try
        {
            File.SetLastWriteTimeUtc(Path, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Taken over, or the store went away: the training goes on, and at worst another process trains the run too.
        }
    }

    /// <summary>Releases the lock, unless another process has taken it over meanwhile (then it is theirs).</summary>
    public void Dispose()
    {
        if (ReadLock(Path).Text == _content) TryDelete(Path);
    }

    /// <summary>The lock, created; null when one exists (or its folder was just removed by a clear: the caller tries again).</summary>
    /// <exception cref="IOException">It cannot be created for another reason (a read-only store, say).</exception>
    private static RunLock? TryCreate(string path)
    {
        var content = JsonSerializer.Serialize(new Holder(Environment.ProcessId, Environment.MachineName,
            ProcessIdentity.Start, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture))) + "\n";
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read))
                stream.Write(Encoding.UTF8.GetBytes(content));
            return new RunLock(path, content);
        }
        catch (IOException) when (File.Exists(path) || !Directory.Exists(System.IO.Path.GetDirectoryName(path)))
        {
            return null;
        }
    }

    /// <summary>Why the lock is stale, or null while its holder may be alive.</summary>
    private static string? Staleness(string text, DateTime touched)
    {
        var idle = DateTime.UtcNow - touched;
        if (Parse(text) is not { } holder)
            return idle > UnreadableStaleAfter ? $"unreadable, and untouched for {idle.TotalSeconds:0} s" : null;
        if (idle > StaleAfter) return $"untouched for {idle.TotalMinutes:0} min";
        if (holder.Host != Environment.MachineName) return null; // only its age tells, from here
        return ProcessIdentity.WhyGone(holder.Pid, holder.ProcessStart);
    }

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

    private static (string? Text, DateTime Touched) ReadLock(string path)
    {
        try
        {
            var info = new FileInfo(path);
            // Never followed, never large: a lock is a few dozen bytes.
            if (!info.Exists || info.LinkTarget is not null || info.Length > 4096) return (info.Exists ? "" : null, info.Exists
                ? info.LastWriteTimeUtc : default);
            return (File.ReadAllText(path), info.LastWriteTimeUtc);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, default);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone already, or not ours to delete: either way no longer this process's concern.
        }
    }

    private sealed record Holder(int Pid, string Host, string ProcessStart, string Taken);
}

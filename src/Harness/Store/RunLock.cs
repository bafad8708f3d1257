using System.Diagnostics;
using Harness.IO;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Harness.Store;

/// <summary>
/// One process's claim to train one run of a store that several processes share: <c>&lt;key&gt;.lock</c> beside the entry,
/// created only where there is none (<see cref="FileMode.CreateNew"/>), holding the holder's pid, host and start time. The
/// others wait for the entry rather than train the run too. A lock whose holder is gone is stale, and taken over: on the
/// same host as soon as its pid is not alive (or is another process now: its start time differs); from any host once it
/// has gone unchanged for the store's <see cref="RunStore.LockStaleAfter"/>, since the holder touches it at every epoch.
/// So a crash, a kill, a hung holder or a forged lock blocks no one for long, and never forever.
/// </summary>
internal sealed partial class RunLock : IDisposable
{
    /// <summary>
    /// How long a lock may go unchanged before anyone may take it over, unless the store says otherwise. The holder touches it
    /// at every epoch, and an epoch of the tutorial's largest run takes seconds (a convnet's, minutes); 15 minutes is generous
    /// for far larger runs. Too short costs a second training of the run (entries are written atomically and have the same
    /// bits, so nothing breaks); too long only delays taking over a lock whose holder died or hung. It is also the longest a
    /// process waits for another's run without seeing it progress.
    /// </summary>
    public static readonly TimeSpan DefaultStaleAfter = TimeSpan.FromMinutes(15);

    /// <summary>A lock with nothing readable in it (its holder died between creating and writing it) is stale sooner.</summary>
    private static readonly TimeSpan UnreadableStaleAfter = TimeSpan.FromMinutes(1);

    private readonly string _content;

    private RunLock(string path, string content) => (Path, _content) = (path, content);

    public string Path { get; }

    /// <summary>What an attempt found: the lock taken (and whose stale lock it replaced, if any); or who holds it and what this
    /// process saw of the lock (to hand to the next attempt, which measures from it how long the lock stayed unchanged); or a
    /// stale lock that cannot be removed (<paramref name="Stuck"/>, saying why), so the run can only train without one.</summary>
    public sealed record Attempt(RunLock? Taken, string? HeldBy, string? TookOverFrom, Sighting? Seen = null, string? Stuck = null);

    /// <summary>
    /// A lock as a waiting process saw it, and since when it has looked so by that process's own monotonic clock
    /// (<see cref="Environment.TickCount64"/>). The lock's modification time is the holder's clock, or anyone's who forged it:
    /// a time in the future never grows old by it, so it cannot be the only judge of a lock's age.
    /// </summary>
    public sealed record Sighting(string Text, DateTime Touched, long Since);

    /// <summary>Takes the lock at <paramref name="path"/> if no live process holds it.</summary>
    /// <param name="staleAfter">How long a lock may go unchanged before it is stale [default: <see cref="DefaultStaleAfter"/>].</param>
    /// <param name="seen">What this process's previous attempt on the lock saw, if it waits for it.</param>
    /// <exception cref="IOException">The lock cannot be made (the store cannot be written, or is full): the caller trains without
    /// a lock rather than wait for one that cannot come.</exception>
    /// <exception cref="UnauthorizedAccessException">As <see cref="IOException"/>, for want of permission.</exception>
    public static Attempt TryTake(string path, TimeSpan? staleAfter = null, Sighting? seen = null)
    {
        var limit = staleAfter ?? DefaultStaleAfter;
        string? tookOver = null;
        for (var tries = 0; tries < 3; tries++)
        {
            if (TryCreate(path) is { } taken) return new(taken, null, tookOver);
            var (text, touched) = ReadLock(path);
            if (text is null) continue; // released meanwhile: try again
            var now = Environment.TickCount64;
            seen = seen is not null && seen.Text == text && seen.Touched == touched ? seen : new Sighting(text, touched, now);
            var holder = Describe(text);
            if (Staleness(text, touched, limit, TimeSpan.FromMilliseconds(now - seen.Since)) is not { } why)
                return new(null, holder, null, seen);
            // Deleted only if it is still the lock judged stale. Two processes taking over at once can still both train the
            // run (one deletes the lock the other just created): a second training, never a broken entry.
            if (ReadLock(path).Text == text && Delete(path) is { } error)
                return new(null, null, null, Stuck: $"the stale lock of {holder} ({why}) cannot be removed: {error}");
            tookOver = $"{holder} ({why})";
            seen = null;
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

    /// <summary>
    /// The lock, created; null when one exists. Told apart by the error itself (EEXIST), never by looking afterwards: a
    /// store that is a file, or a full disk, must not pass for a lock someone holds, or its waiters would wait for ever.
    /// </summary>
    /// <exception cref="IOException">It cannot be created for another reason (a store that cannot be written, a full disk).</exception>
    private static RunLock? TryCreate(string path)
    {
        var content = JsonSerializer.Serialize(new Holder(Environment.ProcessId, Environment.MachineName,
            ProcessIdentity.Start, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture))) + "\n";
        if (Create(path) is not { } stream) return null;
        try
        {
            // Unbuffered, so the write fails here (ENOSPC) rather than in a flush on dispose.
            using (stream) stream.Write(Encoding.UTF8.GetBytes(content));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Created but not written (a full disk): an empty lock would hold the run for others until it went stale, and this
            // process made it, so it goes.
            TryDelete(path);
            throw;
        }
        return new RunLock(path, content);
    }

    /// <summary>The lock file, created empty and open for writing; null when it exists already.</summary>
    private static FileStream? Create(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(path)!;
        for (var tries = 0; ; tries++)
        {
            Directory.CreateDirectory(folder);
            try
            {
                return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);
            }
            catch (IOException e) when (AlreadyExists(e))
            {
                return null;
            }
            catch (DirectoryNotFoundException) when (tries == 0)
            {
                // Its shard folder was removed (by a clear) since it was made: made again once, then it is an error.
            }
        }
    }

    /// <summary>EEXIST on Unix, where .NET puts the errno in HResult; ERROR_FILE_EXISTS or ERROR_ALREADY_EXISTS on Windows.</summary>
    private static bool AlreadyExists(IOException e) =>
        e.GetType() == typeof(IOException) && e.HResult is 17 or unchecked((int)0x80070050) or unchecked((int)0x800700B7);

    /// <summary>Deletes the file; what went wrong when it cannot be (a folder in its place, a folder this user cannot write).</summary>
    private static string? Delete(string path)
    {
        try
        {
            File.Delete(path);
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null; // released, and its emptied shard folder cleared, meanwhile: gone all the same
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
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
}

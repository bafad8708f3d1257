using System.Collections.Concurrent;
using Harness.Settings;
using Harness.Data;
using Harness.History;
using Harness.Training;
using Harness.Runs;

namespace Harness.Store;

/// <summary>
/// The run store as the run pool sees it: runs looked up and kept under their key in this process's <see cref="KeyContext"/>.
/// An entry that cannot be read, or whose result is not the run of its key (<see cref="RunStore.Read(RunKey, RunConfig)"/>),
/// is a warning and a retrain (whose result replaces it), never a crash. Processes sharing the store train each run once: the
/// first takes its lock, the others wait for its entry (<see cref="RunLock"/>) while the lock shows progress, and for at most
/// the store's <see cref="RunStore.LockStaleAfter"/> of no change, after which they take it over and train the run
/// themselves. A store this process finds it cannot write (read-only, full: no lock or no entry could be made) is one warning,
/// and from then on it is only read: runs train without its locks and are not kept, since the runs themselves succeed.
/// </summary>
internal sealed class StoredRuns(RunStore store, KeyContext context, TextWriter warnings) : IRunCache
{
    private readonly ConcurrentDictionary<string, RunResult> _reused = new();
    private readonly ConcurrentDictionary<string, byte> _warned = new();
    private readonly ConcurrentDictionary<string, byte> _waiting = new();

    /// <summary>Each lock waited on as last seen, by its path: how long it stays unchanged is measured from there.</summary>
    private readonly ConcurrentDictionary<string, RunLock.Sighting> _seen = new();

    /// <summary>1 once a lock or an entry could not be written: the store is only read from then on.</summary>
    private int _readOnly;

    public StoredRuns(RunStore store, IDataset dataset, TextWriter warnings) : this(store, KeyContext.Current(dataset), warnings) { }

    public RunStore Store { get; } = store;

    public KeyContext Context { get; } = context;

    /// <summary>The results read from the store in this process, by run id (what <c>--verify</c> draws from).</summary>
    public IReadOnlyList<RunResult> Reused => [.. _reused.Values.OrderBy(r => r.RunId, StringComparer.Ordinal)];

    /// <summary>Whether this process's result of the run was read from the store rather than trained.</summary>
    public bool WasReused(string runId) => _reused.ContainsKey(runId);

    public RunKey KeyOf(RunConfig config) => RunKey.For(config, Context);

    public RunResult? Find(RunConfig config)
    {
        var (result, problem) = Store.Read(KeyOf(config), config);
        if (problem is not null) Warn($"{problem}; training {config.RunId} again");
        if (result is null) return null;
        _reused[config.RunId] = result;
        return result;
    }

    /// <summary>The run's lock in the store (<see cref="RunLock"/>): null while another process holds it. Where no lock can be
    /// made (a store that cannot be written, a stale lock that cannot be removed) the run trains without one, with a warning:
    /// at worst two processes train it.</summary>
    public IRunReservation? Reserve(RunConfig config)
    {
        if (Volatile.Read(ref _readOnly) == 1) return new Reservation(null);
        var path = Store.LockPathOf(KeyOf(config).Hash);
        RunLock.Attempt attempt;
        try
        {
            attempt = RunLock.TryTake(path, Store.LockStaleAfter, _seen.GetValueOrDefault(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            StopWriting($"no lock can be made there ({e.Message})");
            return new Reservation(null);
        }
        if (attempt.TookOverFrom is { } stale) Warn($"{path}: took over the stale lock of {stale}; training {config.RunId}");
        if (attempt.Stuck is { } stuck) Warn($"{path}: {stuck}; training {config.RunId} without a lock");
        if (attempt.Seen is { } seen) _seen[path] = seen;
        else _seen.TryRemove(path, out _);
        if (attempt.Taken is { } taken) return new Reservation(taken);
        if (attempt.Stuck is not null) return new Reservation(null);
        if (_waiting.TryAdd(config.RunId, 0))
            lock (warnings) warnings.WriteLine($"run store: {config.RunId} is being trained by {attempt.HeldBy} ({path}); " +
                "using its result once stored, or training it here if its lock stays unchanged for " +
                RunLock.Duration(Store.LockStaleAfter));
        return null;
    }

    public void Keep(RunResult result)
    {
        if (Volatile.Read(ref _readOnly) == 1) return;
        try
        {
            Store.Write(KeyOf(result.Config), result);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            StopWriting($"run {result.RunId} could not be stored ({e.Message})");
        }
    }

    /// <summary>The one warning that the store cannot be written, after which it is only read.</summary>
    private void StopWriting(string why)
    {
        if (Interlocked.Exchange(ref _readOnly, 1) == 1) return;
        Warn($"cannot write in {Store.Root}: {why}; from now on this process only reads it: runs train without its locks " +
             "(another process sharing it may train one too) and are not stored");
    }

    /// <summary>Once per message: a run another process trains is looked up again and again, and its entry may be broken
    /// every time until that process replaces it.</summary>
    private void Warn(string message)
    {
        if (_warned.TryAdd(message, 0))
            lock (warnings) warnings.WriteLine($"warning: run store: {message}");
    }

    private sealed class Reservation(RunLock? held) : IRunReservation
    {
        public void OnEpoch() => held?.Touch();

        public void Dispose() => held?.Dispose();
    }
}

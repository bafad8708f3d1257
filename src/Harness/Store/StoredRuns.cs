using System.Collections.Concurrent;
using Harness.Config.Settings;
using Harness.Data;
using Harness.History;
using Harness.Training;

namespace Harness.Store;

/// <summary>
/// The run store as the run pool sees it: runs looked up and kept under their key in this process's <see cref="KeyContext"/>.
/// An entry that cannot be read, or whose result is not the run of its key (<see cref="RunStore.Read(RunKey, RunConfig)"/>),
/// is a warning and a retrain (whose result replaces it), never a crash; a failure to write one is a warning too, since the
/// run itself succeeded. Processes sharing the store train each run once: the first takes its lock, the others wait for its
/// entry (<see cref="RunLock"/>).
/// </summary>
public sealed class StoredRuns(RunStore store, KeyContext context, TextWriter warnings) : IRunCache
{
    private readonly ConcurrentDictionary<string, RunResult> _reused = new();
    private readonly ConcurrentDictionary<string, byte> _warned = new();
    private readonly ConcurrentDictionary<string, byte> _waiting = new();

    public StoredRuns(RunStore store, ImageDataset dataset, TextWriter warnings) : this(store, KeyContext.Current(dataset), warnings) { }

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

    /// <summary>The run's lock in the store (<see cref="RunLock"/>): null while another process holds it. A store where no
    /// lock can be made (read-only, say) trains without one, with a warning: at worst two processes train the run.</summary>
    public IRunReservation? Reserve(RunConfig config)
    {
        var path = Store.LockPathOf(KeyOf(config).Hash);
        try
        {
            var attempt = RunLock.TryTake(path);
            if (attempt.TookOverFrom is { } stale) Warn($"{path}: took over the stale lock of {stale}; training {config.RunId}");
            if (attempt.Taken is { } taken) return new Reservation(taken);
            if (_waiting.TryAdd(config.RunId, 0))
                lock (warnings) warnings.WriteLine($"run store: {config.RunId} is being trained by {attempt.HeldBy} ({path}); " +
                    "using its result once stored");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Warn($"{path}: cannot be created ({e.Message}); training {config.RunId} without a lock");
            return new Reservation(null);
        }
    }

    public void Keep(RunResult result)
    {
        try
        {
            Store.Write(KeyOf(result.Config), result);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Warn($"run {result.RunId} was not stored in {Store.Root}: {e.Message}");
        }
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

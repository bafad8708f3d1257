using Harness.Config;
using Harness.Settings;
using Harness.Data;
using Harness.History;
using Harness.Training;

namespace Harness.Runs;

/// <summary>
/// Trains runs on demand, each at most once per process, on one worker thread per core (each with the single
/// intra-op thread results depend on). Callers ask for the runs they need and wait; a filtered test session
/// therefore trains only what its tests use, and tests that share a run share its one training. With a cache (the run
/// store), a run stored by an earlier process is read instead of trained, and every run trained is stored; a run another
/// process is training is put back in the queue and read once that process has stored it, while this pool's workers go
/// on with other runs. A rerun always trains, is never stored and reserves nothing, since it exists to check the first
/// training. The runs are done on a <see cref="WorkerPool"/>, in the order asked for.
/// </summary>
internal sealed class RunPool : IDisposable
{
    /// <summary>How long a run another process is training waits before this pool looks for its result again.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    private readonly WorkerPool _workers;
    private readonly Dictionary<string, Task<RunResult>> _runs = new();
    private readonly Func<RunConfig, DataSplit> _data;
    private readonly Func<RunConfig, TrainingObserver>? _observer;
    private readonly IRunCache? _cache;
    private int _trained;

    /// <param name="canTrain">False: every run must come from <paramref name="cache"/> (stores merged with --from), and a
    /// run it lacks is an error rather than a training; a <see cref="Rerun"/> still trains (<c>--verify</c> with --from).</param>
    public RunPool(Func<RunConfig, DataSplit> data, int workers, Func<RunConfig,
        TrainingObserver>? observer = null, IRunCache? cache = null,
        bool canTrain = true)
    {
        CanTrain = canTrain;
        _data = data;
        _observer = observer;
        _cache = cache;
        _workers = new WorkerPool(workers, "harness-run");
    }

    public int Workers => _workers.Workers;

    public bool CanTrain { get; }

    /// <summary>Runs this pool trained because no stored result was found (reruns not counted).</summary>
    public int Trained => Volatile.Read(ref _trained);

    /// <summary>
    /// Raised once per run, when it is first asked for and before it can start: progress displays learn the work planned
    /// from this, however the callers decide what they need (a whole experiment, a shard, or test by test).
    /// </summary>
    public event Action<RunConfig>? Queued;

    /// <summary>Raised when a run fails (it diverged, say): progress displays stop showing it in training.</summary>
    public event Action<RunConfig>? Failed;

    /// <summary>The run's result, training it if no one has asked for it yet.</summary>
    public Task<RunResult> Run(RunConfig config)
    {
        // A lock, not GetOrAdd alone: its factory may run twice under contention, and a run must be queued once.
        lock (_runs)
        {
            if (_runs.TryGetValue(config.RunId, out var existing)) return existing;
            var result = new TaskCompletionSource<RunResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            _runs[config.RunId] = result.Task;
            Queued?.Invoke(config);
            Queue(new Job(config, result, Cached: true));
            return result.Task;
        }
    }

    /// <summary>The results of every run finished so far (trained or read), in no particular order.</summary>
    public IReadOnlyList<RunResult> Finished()
    {
        lock (_runs) return [.. _runs.Values.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result)];
    }

    /// <summary>Trains the run again, whether or not it has a result: the exact tier's check for nondeterminism.</summary>
    public Task<RunResult> Rerun(RunConfig config)
    {
        var result = new TaskCompletionSource<RunResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        Queue(new Job(config, result, Cached: false));
        return result.Task;
    }

    /// <summary>Makes <paramref name="result"/> the run's result from now on (a retrain that matched its baseline).</summary>
    public void Adopt(RunResult result)
    {
        lock (_runs) _runs[result.RunId] = Task.FromResult(result);
    }

    /// <summary>
    /// All the runs' results, in the order given. Queued in <see cref="CostOrder"/>, so the last to finish is a short
    /// one.
    /// </summary>
    public IReadOnlyList<RunResult> RunAll(IReadOnlyList<RunConfig> configs, Func<RunConfig, double> cost)
    {
        foreach (var config in CostOrder.LongestFirst(configs, cost)) Run(config);
        return Task.WhenAll(configs.Select(Run)).GetAwaiter().GetResult();
    }

    /// <summary>The job's outcome goes to its own task, so the worker's task from <see cref="WorkerPool.Post"/> is not needed.</summary>
    private void Queue(Job job) => _workers.Post(() => Do(job));

    private void Do(Job job)
    {
        var wait = job.NotBefore - Environment.TickCount64;
        if (wait > 0) Thread.Sleep(TimeSpan.FromMilliseconds(wait));
        try
        {
            if (!job.Cached) job.Result.SetResult(Train(job.Config, reservation: null));
            else if (Take(job) is { } result) job.Result.SetResult(result);
        }
        catch (Exception e)
        {
            Failed?.Invoke(job.Config);
            job.Result.SetException(e);
        }
    }

    /// <summary>The run's result, read or trained; null when another process is training it and the job went back in the queue.</summary>
    private RunResult? Take(Job job)
    {
        var config = job.Config;
        if (_cache?.Find(config) is { } stored) return Replay(stored);
        if (!CanTrain) throw new InvalidOperationException($"{config.RunId}: not in the stores being evaluated, and " +
            "this process does not train.");
        IRunReservation? reservation = null;
        if (_cache is not null && (reservation = _cache.Reserve(config)) is null)
        {
            // Another process trains it: look again later, and meanwhile let this worker take the next run.
            Queue(job with { NotBefore = Environment.TickCount64 + (long)Poll.TotalMilliseconds });
            return null;
        }
        using (reservation)
        {
            // It may have been stored between the look and the reservation, by the process that held it.
            if (reservation is not null && _cache!.Find(config) is { } justStored) return Replay(justStored);
            var trained = Train(config, reservation);
            Interlocked.Increment(ref _trained);
            _cache?.Keep(trained);
            return trained;
        }
    }

    private RunResult Train(RunConfig config, IRunReservation? reservation)
    {
        var observer = _observer?.Invoke(config) ?? TrainingObserver.None;
        var told = reservation is null ? observer
            : observer with { OnEpoch = e => { observer.OnEpoch?.Invoke(e); reservation.OnEpoch(); } };
        return Trainer.Train(config, _data(config), told);
    }

    /// <summary>A stored run's epochs, told to its observer as if it had just trained, so progress counts it as done.</summary>
    private RunResult Replay(RunResult stored)
    {
        if (_observer?.Invoke(stored.Config).OnEpoch is not { } onEpoch) return stored;
        var h = stored.History;
        for (var i = 0; i < h.Epochs; i++) onEpoch(new EpochMetrics(i + 1, h.Loss[i], h.Acc[i], h.ValLoss[i], h.ValAcc[i]));
        return stored;
    }

    /// <param name="Cached">From the cache if it has the run, and kept in it; false: a rerun.</param>
    /// <param name="NotBefore">When a run another process was training may be looked for again (<see
    /// cref="Environment.TickCount64"/>).</param>
    private sealed record Job(RunConfig Config, TaskCompletionSource<RunResult> Result, bool Cached, long NotBefore = 0);

    public void Dispose() => _workers.Dispose();
}

using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Harness.Settings;
using Harness.Native;

namespace Harness.Runs;

/// <summary>
/// The threads every run, replay and bench item is done on: one queue, taken first in first out by worker threads that
/// each first apply the per-thread torch settings results depend on (the single intra-op thread). A batch enters the
/// queue in <see cref="CostOrder"/>. <see cref="RunPool"/> builds its run-once, cache and rerun logic on this.
/// </summary>
internal sealed class WorkerPool : IDisposable
{
    /// <summary>One worker per core: each has one intra-op thread, so more only wait.</summary>
    public static int DefaultWorkers => Environment.ProcessorCount;

    /// <summary>Far beyond any machine's cores (a worker more than the cores only waits); a typo like 100000 would
    /// otherwise start that many threads, each with libtorch's per-thread state, and crash the process.</summary>
    public const int MaxWorkers = 256;

    private readonly BlockingCollection<Action> _queue = new();

    public WorkerPool(int workers, string name = "harness-worker")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(workers, MaxWorkers);
        Workers = workers;
        for (var i = 0; i < workers; i++) new Thread(Work) { Name = $"{name}-{i}", IsBackground = true }.Start();
    }

    public int Workers { get; }

    /// <summary>Queues <paramref name="work"/> behind everything posted before it; the task ends when it has run.</summary>
    public Task Post(Action work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Add(() =>
        {
            try
            {
                work();
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        });
        return done.Task;
    }

    /// <summary>
    /// Does every item, longest first, on this pool's workers, and returns when all are done. On a failure no new item of
    /// the batch starts; every failure is rethrown together at the end (one alone as itself).
    /// </summary>
    public void RunAll(IReadOnlyList<RunConfig> items, Func<RunConfig, double> cost, Action<RunConfig> work)
    {
        var failures = new List<Exception>();
        var done = CostOrder.LongestFirst(items, cost).Select(item => Post(() =>
        {
            lock (failures) if (failures.Count > 0) return;
            try
            {
                work(item);
            }
            catch (Exception e)
            {
                lock (failures) failures.Add(e);
            }
        })).ToList();
        Task.WaitAll(done);

        if (failures.Count == 1) ExceptionDispatchInfo.Capture(failures[0]).Throw();
        if (failures.Count > 1) throw new AggregateException(failures);
    }

    /// <summary><see cref="RunAll"/> on a pool of its own: <paramref name="workers"/> threads at most, none idle from the start.</summary>
    public static void Run(IReadOnlyList<RunConfig> items, Func<RunConfig, double> cost, Action<RunConfig> work, int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        using var pool = new WorkerPool(Math.Min(workers, Math.Max(items.Count, 1)));
        pool.RunAll(items, cost, work);
    }

    private void Work()
    {
        TorchRuntime.ApplyToCurrentThread();
        foreach (var work in _queue.GetConsumingEnumerable()) work();
    }

    /// <summary>No more work is taken; the workers finish what is queued, then end.</summary>
    public void Dispose() => _queue.CompleteAdding();
}

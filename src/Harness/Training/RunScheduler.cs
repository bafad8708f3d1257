using Harness.Native;

namespace Harness.Training;

/// <summary>
/// Runs work items side by side, one per worker thread, each with the single intra-op thread the results
/// depend on. Items start longest first (by <c>cost</c>), which keeps the last worker from finishing long
/// after the others. On a failure no new item starts; every failure is rethrown together at the end.
/// </summary>
public static class RunScheduler
{
    public static int DefaultWorkers => Environment.ProcessorCount;

    public static void Run<T>(IReadOnlyList<T> items, Func<T, double> cost, Action<T> work, int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var queue = new Queue<T>(items.OrderByDescending(cost));
        var failures = new List<Exception>();
        var gate = new object();

        bool TryTake(out T item)
        {
            lock (gate)
            {
                if (failures.Count == 0 && queue.Count > 0)
                {
                    item = queue.Dequeue();
                    return true;
                }
                item = default!;
                return false;
            }
        }

        void Work()
        {
            TorchRuntime.ApplyToCurrentThread();
            while (TryTake(out var item))
            {
                try
                {
                    work(item);
                }
                catch (Exception e)
                {
                    lock (gate) failures.Add(e);
                }
            }
        }

        var threads = Enumerable.Range(0, Math.Min(workers, Math.Max(items.Count, 1)))
            .Select(i => new Thread(Work) { Name = $"harness-worker-{i}", IsBackground = true })
            .ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        if (failures.Count == 1) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failures[0]).Throw();
        if (failures.Count > 1) throw new AggregateException(failures);
    }
}

using Harness.Settings;
using Harness.Training;
using Harness.Runs;

namespace Harness.Tests.Unit.Runs;

public sealed class WorkerPoolTests
{
    private static readonly RunConfig[] Runs = [.. new[] { 1, 5, 3, 9, 7 }.Select(l => new RunConfig { Layers = l })];

    [Test]
    public void A_batch_starts_longest_first()
    {
        var started = new List<int>();
        WorkerPool.Run(Runs, r => r.Layers, r => started.Add(r.Layers), workers: 1);
        Assert.That(started, Is.EqualTo(new[] { 9, 7, 5, 3, 1 }));
    }

    [Test]
    public void After_a_failure_no_new_item_starts_and_the_failure_is_rethrown_as_itself()
    {
        var started = new List<int>();
        void Work(RunConfig run)
        {
            started.Add(run.Layers);
            if (run.Layers == 7) throw new InvalidOperationException("seven");
        }

        Assert.That(() => WorkerPool.Run(Runs, r => r.Layers, Work, workers: 1),
            Throws.InvalidOperationException.With.Message.EqualTo("seven"));
        Assert.That(started, Is.EqualTo(new[] { 9, 7 }));
    }

    [Test]
    public void Failures_side_by_side_are_rethrown_together()
    {
        using var pool = new WorkerPool(2);
        using var both = new Barrier(2);
        void Work(RunConfig run)
        {
            both.SignalAndWait();
            throw new InvalidOperationException(run.RunId);
        }

        Assert.That(() => pool.RunAll(Runs[..2], r => r.Layers, Work), Throws.TypeOf<AggregateException>()
            .With.Property(nameof(AggregateException.InnerExceptions)).Count.EqualTo(2));
    }

    [Test]
    public void Refuses_no_workers_and_absurdly_many()
    {
        Assert.That(() => new WorkerPool(0), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => new WorkerPool(WorkerPool.MaxWorkers + 1), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}

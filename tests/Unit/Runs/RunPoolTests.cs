using Harness.Config;
using Harness.Settings;
using Harness.History;
using Harness.Reproduction;
using Harness.Training;
using Harness.Runs;

using Harness.Tests.Unit.Training;

namespace Harness.Tests.Unit.Runs;

public sealed class RunPoolTests
{
    private static RunConfig Tiny(int seed) =>
        new() { Layers = 1, Width = 8, NTrain = 30, NValidation = 10, Epochs = 2, BatchSize = 8, Seed = seed };

    [Test]
    public void Tells_progress_of_each_run_once_when_first_asked_for_and_of_its_epochs()
    {
        ProgressTracker? tracker = null;
        using var pool =
            new RunPool(_ => SyntheticData.Split(30, 10), workers: 1,
                run => new TrainingObserver(OnEpoch: e => tracker?.Epoch(run, e.Epoch)));
        tracker = new ProgressTracker(_ => 1);
        var queued = new List<string>();
        pool.Queued += run => queued.Add(run.RunId);
        pool.Queued += tracker.Plan;

        var first = pool.Run(Tiny(1));
        var again = pool.Run(Tiny(1));
        pool.RunAll([Tiny(1), Tiny(2)], _ => 1);

        Assert.That(again, Is.SameAs(first), "asked twice, trained once");
        Assert.That(queued, Is.EqualTo(new[] { Tiny(1).RunId, Tiny(2).RunId }));
        Assert.That((tracker.Runs, tracker.RunsDone, tracker.Fraction), Is.EqualTo((2, 2, 1.0)));
        Assert.That(pool.Finished().Select(r => r.RunId), Is.EquivalentTo(queued));
    }

    [Test]
    public void A_run_that_diverges_is_in_training_from_its_start_until_it_fails()
    {
        ProgressTracker? tracker = null;
        var inTraining = new List<int>();
        using var pool = new RunPool(_ => SyntheticData.Split(30, 10), workers: 1,
            run => new TrainingObserver(OnStart: () =>
            {
                tracker!.Start(run);
                inTraining.Add(tracker.InTraining.Count);
            }));
        tracker = new ProgressTracker(_ => 1);
        pool.Queued += tracker.Plan;
        pool.Failed += tracker.Stop;
        var diverging = Tiny(1) with { LearningRate = 1e30, Semantics = Semantics.PyTorch, Epochs = 5 };

        Assert.That(() => pool.Run(diverging).GetAwaiter().GetResult(), Throws.TypeOf<TrainingDivergedException>());

        Assert.That(inTraining, Is.EqualTo(new[] { 1 }), "in training once it started");
        Assert.That((tracker.InTraining.Count, tracker.RunsDone, tracker.Runs), Is.EqualTo((0, 0, 1)), "then neither in training nor done");
    }

    /// <summary>A cache shared with another process that is training <see cref="Busy"/>: it stores that run once this process
    /// has kept another.</summary>
    private sealed class SharedCache(RunConfig busy) : IRunCache
    {
        private RunResult? _theirs;
        public List<string> Events { get; } = [];
        public RunConfig Busy => busy;

        public RunResult? Find(RunConfig config) => config.RunId == busy.RunId ? _theirs : null;

        public IRunReservation? Reserve(RunConfig config)
        {
            lock (Events) Events.Add($"reserve {config.RunId}");
            return config.RunId == busy.RunId ? null : new Reservation();
        }

        public void Keep(RunResult result)
        {
            lock (Events) Events.Add($"keep {result.RunId}");
            _theirs ??= result with { Config = busy, Seconds = 99 };
        }

        private sealed class Reservation : IRunReservation
        {
            public void OnEpoch() { }
            public void Dispose() { }
        }
    }

    [Test]
    public void A_run_another_process_trains_goes_back_in_the_queue_while_the_worker_trains_the_next_and_is_read_once_stored()
    {
        var cache = new SharedCache(Tiny(1));
        using var pool = new RunPool(_ => SyntheticData.Split(30, 10), workers: 1, cache: cache);

        var results = pool.RunAll([Tiny(1), Tiny(2)], run => run.Seed == 1 ? 2 : 1); // the busy one first

        Assert.That(results[0].Seconds, Is.EqualTo(99), "the other process's result");
        Assert.That(pool.Trained, Is.EqualTo(1), "only the run no one else trains");
        Assert.That(cache.Events.First(), Is.EqualTo($"reserve {Tiny(1).RunId}"));
        Assert.That(cache.Events, Does.Contain($"keep {Tiny(2).RunId}").And.Not.Contain($"keep {Tiny(1).RunId}"));
    }

    [Test]
    public void A_pool_that_may_not_train_still_reruns()
    {
        using var pool = new RunPool(_ => SyntheticData.Split(30, 10), workers: 1, cache: new SharedCache(Tiny(1)), canTrain: false);
        Assert.That(pool.Rerun(Tiny(2)).GetAwaiter().GetResult().History.Epochs, Is.EqualTo(2), "--verify with --from retrains");
        Assert.That(() => pool.Run(Tiny(2)).GetAwaiter().GetResult(),
            Throws.InvalidOperationException.With.Message.Contains("does not train"));
    }
}

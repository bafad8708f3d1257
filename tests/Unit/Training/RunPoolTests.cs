using Harness.Config.Settings;
using Harness.Reproduction;
using Harness.Training;

namespace Harness.Tests.Unit.Training;

public sealed class RunPoolTests
{
    private static RunConfig Tiny(int seed) => new() { Layers = 1, Width = 8, NTrain = 30, NValidation = 10, Epochs = 2, BatchSize = 8, Seed = seed };

    [Test]
    public void Tells_progress_of_each_run_once_when_first_asked_for_and_of_its_epochs()
    {
        ProgressTracker? tracker = null;
        using var pool = new RunPool(_ => SyntheticData.Split(30, 10), workers: 1, run => new TrainingObserver(OnEpoch: e => tracker?.Epoch(run, e.Epoch)));
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
}

using Harness.Reproduction;
using Harness.Config;
using Harness.Settings;

namespace Harness.Tests.Unit.Reproduction;

public sealed class ProgressTrackerTests
{
    private sealed class ManualTime : TimeProvider
    {
        public long Ticks { get; set; }
        public override long GetTimestamp() => Ticks;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    }

    [Test]
    public void Eta_is_weighted_by_cost_not_by_run_count()
    {
        var time = new ManualTime();
        RunConfig cheap = new() { Layers = 1, Epochs = 2 }, dear = new() { Layers = 9, Epochs = 2 };
        var tracker = new ProgressTracker([cheap, dear], c => c.Layers, time);

        time.Ticks = TimeSpan.FromSeconds(10).Ticks;
        Assert.That(tracker.Epoch(cheap, 1), Is.Null);
        Assert.That(tracker.Epoch(cheap, 2), Is.EqualTo(1), "first run done");

        // Half the runs are done but only a tenth of the work: 10 s for 1/10 leaves 90 s.
        Assert.That(tracker.Fraction, Is.EqualTo(0.1).Within(1e-12));
        Assert.That(tracker.Remaining, Is.EqualTo(TimeSpan.FromSeconds(90)));
        Assert.That(tracker.Epoch(dear, 1), Is.Null);
        Assert.That(tracker.Epoch(dear, 2), Is.EqualTo(2));
        Assert.That(tracker.Remaining, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void A_run_trained_again_to_confirm_it_is_not_counted_twice()
    {
        RunConfig a = new() { Epochs = 1 }, b = new() { Epochs = 1, Seed = 2 };
        var tracker = new ProgressTracker([a, b], _ => 1);
        Assert.That(tracker.Epoch(a, 1), Is.EqualTo(1));
        Assert.That(tracker.Epoch(a, 1), Is.EqualTo(1), "the confirming second training of the same run");
        Assert.That(tracker.Epoch(b, 1), Is.EqualTo(2));
        Assert.That(tracker.RunsDone, Is.EqualTo(tracker.Runs));
    }

    [Test]
    public void A_run_read_from_the_run_store_is_done_without_counting_as_training_done()
    {
        var time = new ManualTime();
        RunConfig stored = new() { Layers = 9, Epochs = 2 }, trained = new() { Layers = 1, Epochs = 2 };
        var tracker = new ProgressTracker(c => c.Layers, reused: c => c == stored, time: time);
        tracker.Plan([stored, trained]);

        tracker.Epoch(stored, 1);
        Assert.That(tracker.Epoch(stored, 2), Is.EqualTo(1), "its replayed epochs finish it at once");
        Assert.That((tracker.RunsReused, tracker.Fraction, tracker.Remaining), Is.EqualTo((1, 0.0, (TimeSpan?)null)),
            "but no training is done yet: a 9-layer run read in a millisecond must not make the ETA promise that speed");

        time.Ticks = TimeSpan.FromSeconds(10).Ticks;
        tracker.Epoch(trained, 1);
        Assert.That(tracker.Fraction, Is.EqualTo(0.5), "half of the one run that trains");
        Assert.That(tracker.Remaining, Is.EqualTo(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void A_run_said_to_start_is_in_training_at_the_epoch_under_way_until_its_last()
    {
        RunConfig a = new() { Layers = 1, Epochs = 3 }, stored = new() { Layers = 2, Epochs = 3 };
        var tracker = new ProgressTracker(c => c.Layers, reused: c => c == stored);
        tracker.Plan([a, stored]);

        tracker.Start(a);
        Assert.That(tracker.InTraining, Is.EqualTo(new[] { (a, 1) }), "its first epoch is under way");
        tracker.Epoch(a, 1);
        tracker.Epoch(a, 2);
        Assert.That(tracker.InTraining, Is.EqualTo(new[] { (a, 3) }));

        for (var epoch = 1; epoch <= stored.Epochs; epoch++) tracker.Epoch(stored, epoch);
        Assert.That(tracker.InTraining, Is.EqualTo(new[] { (a, 3) }), "a run read from the run store replays its epochs, never trains");

        tracker.Epoch(a, 3);
        Assert.That(tracker.InTraining, Is.Empty, "done");
        tracker.Start(a);
        Assert.That(tracker.InTraining, Is.EqualTo(new[] { (a, 1) }), "trained again to check it: in training again");
        Assert.That(tracker.RunsDone, Is.EqualTo(2), "and still done");
    }
}

using Harness.Config.Settings;
using Harness.Reproduction;
using Microsoft.Extensions.Time.Testing;

namespace Harness.Tests.Unit.Reproduction;

public sealed class ProgressHeartbeatTests
{
    private static readonly RunConfig Short = new() { Layers = 1, Epochs = 2 }, Long = new() { Layers = 3, Epochs = 2 };

    private readonly FakeTimeProvider _time = new();
    private readonly List<string> _lines = [];
    private ProgressTracker _tracker = null!;
    private ProgressHeartbeat _heartbeat = null!;

    [SetUp]
    public void Start()
    {
        _lines.Clear();
        _tracker = new ProgressTracker(c => c.Layers, time: _time);
        _heartbeat = new ProgressHeartbeat(_tracker, "tiny", _lines.Add, _time, start: false);
    }

    [TearDown]
    public void Stop() => _heartbeat.Dispose();

    /// <summary>Every epoch of the run, as its training (or its replay from the run store) tells them.</summary>
    private static void Finish(ProgressTracker tracker, RunConfig run)
    {
        for (var epoch = 1; epoch <= run.Epochs; epoch++) tracker.Epoch(run, epoch);
    }

    [Test]
    public void Silent_until_a_run_is_planned()
    {
        _heartbeat.Tick();
        _time.Advance(TimeSpan.FromMinutes(5));
        _heartbeat.Tick();
        Assert.That(_lines, Is.Empty);
    }

    [Test]
    public void A_line_when_training_starts_then_one_every_thirty_seconds_never_one_per_epoch_or_run()
    {
        _tracker.Plan([Short, Long]);
        _heartbeat.Tick();
        Assert.That(_lines, Is.EqualTo(new[] { "tiny: 0 of 2 runs done, 0% of the training, 00:00 elapsed, ETA not yet known." }));

        _time.Advance(TimeSpan.FromSeconds(10));
        Finish(_tracker, Short);
        _heartbeat.Tick();
        _time.Advance(TimeSpan.FromSeconds(19));
        _heartbeat.Tick();
        Assert.That(_lines, Has.Count.EqualTo(1), "a run finished 10 s in, but the next line waits for the 30 s mark");

        _time.Advance(TimeSpan.FromSeconds(1));
        _heartbeat.Tick();
        _heartbeat.Tick();
        // 1 of 4 units of work in 30 s: 90 s to go.
        Assert.That(_lines, Is.EqualTo(new[]
        {
            "tiny: 0 of 2 runs done, 0% of the training, 00:00 elapsed, ETA not yet known.",
            "tiny: 1 of 2 runs done, 25% of the training, 00:30 elapsed, ETA 01:30.",
        }));
    }

    [Test]
    public void One_closing_line_when_the_last_planned_run_is_done_and_a_new_series_when_more_are_planned()
    {
        _tracker.Plan([Short]);
        _heartbeat.Tick();
        _time.Advance(TimeSpan.FromSeconds(4));
        Finish(_tracker, Short);
        _heartbeat.Tick();
        _time.Advance(TimeSpan.FromMinutes(2));
        _heartbeat.Tick();
        Assert.That(_lines, Has.Count.EqualTo(2));
        Assert.That(_lines[1], Is.EqualTo("tiny: 1 of 1 runs done in 00:04."));

        _tracker.Plan([Long]);
        _heartbeat.Tick();
        Assert.That(_lines, Has.Count.EqualTo(3));
        Assert.That(_lines[2], Does.StartWith("tiny: 1 of 2 runs done, 25% of the training, 02:04 elapsed"));
    }

    [Test]
    public void Runs_all_read_from_the_run_store_before_the_first_tick_still_get_their_closing_line()
    {
        var tracker = new ProgressTracker(c => c.Layers, reused: _ => true, time: _time);
        using var heartbeat = new ProgressHeartbeat(tracker, "tiny", _lines.Add, _time, start: false);
        tracker.Plan([Short, Long]);
        Finish(tracker, Short);
        Finish(tracker, Long);

        heartbeat.Dispose();

        Assert.That(_lines, Is.EqualTo(new[] { "tiny: 2 of 2 runs done (2 read from the run store) in 00:00." }));
    }

    [Test]
    public void A_run_planned_twice_is_counted_once()
    {
        _tracker.Plan([Short, Long]);
        _tracker.Plan([Long with { }]);
        Assert.That(_tracker.Runs, Is.EqualTo(2));
    }
}

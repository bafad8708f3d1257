using Harness.Settings;
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

    [Test]
    public void A_line_names_the_runs_in_training_by_id_with_the_epoch_each_is_in()
    {
        _tracker.Plan([Short, Long]);
        _tracker.Start(Short);
        _tracker.Start(Long);
        _time.Advance(TimeSpan.FromSeconds(15));
        _tracker.Epoch(Long, 1);
        _heartbeat.Tick();

        Assert.That(_lines, Is.EqualTo(new[]
        {
            // 1.5 of 4 units of work in 15 s: 25 s to go.
            $"tiny: 0 of 2 runs done, 38% of the training, 00:15 elapsed, ETA 00:25; training {Short.RunId} (epoch 1 of 2), " +
            $"{Long.RunId} (epoch 2 of 2).",
        }));
    }

    [Test]
    public void A_line_names_at_most_four_runs_in_training_and_counts_the_others()
    {
        var runs = Enumerable.Range(1, 6).Select(seed => Short with { Seed = seed }).ToList();
        _tracker.Plan(runs);
        foreach (var run in runs) _tracker.Start(run);
        _heartbeat.Tick();

        var named = string.Join(", ", runs.Take(4).Select(r => $"{r.RunId} (epoch 1 of 2)"));
        Assert.That(_lines.Single(), Does.EndWith($"; training {named} and 2 more."));
    }

    [Test]
    public void A_line_of_the_callers_own_puts_off_the_next_heartbeat()
    {
        _tracker.Plan([Short, Long]);
        _heartbeat.Write("[   1/2] a finished run");
        _heartbeat.Tick();
        _time.Advance(TimeSpan.FromSeconds(29));
        _heartbeat.Tick();
        Assert.That(_lines, Is.EqualTo(new[] { "[   1/2] a finished run" }), "the log had a line 29 s ago");

        _time.Advance(TimeSpan.FromSeconds(1));
        _heartbeat.Tick();
        Assert.That(_lines, Has.Count.EqualTo(2));
        Assert.That(_lines[1], Does.StartWith("tiny: 0 of 2 runs done"));
    }

    [Test]
    public void Runs_trained_again_once_all_are_done_keep_the_heartbeat_going_and_say_so()
    {
        _tracker.Plan([Short]);
        _tracker.Start(Short);
        Finish(_tracker, Short);
        _heartbeat.Tick();
        Assert.That(_lines, Is.EqualTo(new[] { "tiny: 1 of 1 runs done in 00:00." }));

        _tracker.Start(Short); // the exact tier's second training, or --verify's
        _time.Advance(TimeSpan.FromSeconds(30));
        _heartbeat.Tick();
        _tracker.Epoch(Short, 1);
        _heartbeat.Tick();
        _time.Advance(TimeSpan.FromSeconds(30));
        _heartbeat.Tick();

        Assert.That(_lines.Skip(1), Is.EqualTo(new[]
        {
            $"tiny: 1 of 1 runs done, 00:30 elapsed; training again {Short.RunId} (epoch 1 of 2).",
            $"tiny: 1 of 1 runs done, 01:00 elapsed; training again {Short.RunId} (epoch 2 of 2).",
        }));
    }
}

using System.Text;
using Harness.Cli;
using Harness.Settings;
using Harness.History;
using Harness.Reproduction;
using Microsoft.Extensions.Time.Testing;

namespace Harness.Tests.Unit.Cli;

/// <summary>
/// <c>reproduce</c>'s progress when its output is a log: a line per finished run and, in the silences between, the
/// heartbeat's line with the epochs under way and the ETA, at least every 30 s; never a line per epoch. Driven second by
/// second on a fake clock, whose timers fire as it advances.
/// </summary>
public sealed class PlainProgressTests
{
    private readonly FakeTimeProvider _time = new();

    /// <summary>A log that notes when each line was written, on the fake clock.</summary>
    private sealed class TimedLog(TimeProvider time) : TextWriter
    {
        private readonly DateTimeOffset _start = time.GetUtcNow();
        public List<(TimeSpan At, string Line)> Lines { get; } = [];
        public override Encoding Encoding => Encoding.UTF8;
        public override void WriteLine(string? value) => Lines.Add((time.GetUtcNow() - _start, value ?? ""));
    }

    private static EpochMetrics Metrics(int epoch) => new(epoch, 0.5, 0.8, 0.25, 0.9);

    /// <summary>Second by second: an advance fires the timers once, at its end, however long it is.</summary>
    private void Wait(int seconds)
    {
        for (var second = 0; second < seconds; second++) _time.Advance(TimeSpan.FromSeconds(1));
    }

    [Test]
    public void A_long_run_shows_its_epoch_and_the_eta_every_thirty_seconds_and_never_a_line_per_epoch()
    {
        // The convnet's 38 minutes: 12 epochs of 190 s, one run on its own.
        var run = new RunConfig { Layers = 1, Epochs = 12 };
        var tracker = new ProgressTracker(_ => 1, time: _time);
        var log = new TimedLog(_time);
        using (var progress = new PlainProgress(tracker, "convnet", log, _time))
        {
            tracker.Plan(run);
            progress.Start(run);
            for (var second = 1; second <= 12 * 190; second++)
            {
                Wait(1);
                if (second % 190 == 0) progress.Epoch(run, Metrics(second / 190));
            }
        }

        var gaps = log.Lines.Zip(log.Lines.Skip(1), (a, b) => b.At - a.At).Prepend(log.Lines[0].At);
        Assert.That(gaps, Has.All.LessThanOrEqualTo(ProgressHeartbeat.Every), "never 30 s without a line");
        // A line at 1 s, then every 30 s to 37:31 (76), the finished run's line, and the closing line.
        Assert.That(log.Lines, Has.Count.EqualTo(78));
        Assert.That(log.Lines.Count(l => l.Line.Contains("val_loss")), Is.EqualTo(1), "one line for the finished run, none per epoch");
        foreach (var (at, line) in log.Lines.Take(76))
            Assert.That(line, Does.EndWith($"; training {run.RunId} (epoch {(int)(at.TotalSeconds - 1) / 190 + 1} of 12)."),
                $"the line at {at} names the epoch under way");
        // Half the work done in 19:01 leaves 19:01.
        Assert.That(log.Lines.Single(l => l.At == TimeSpan.FromSeconds(1141)).Line, Is.EqualTo(
            $"convnet: 0 of 1 runs done, 50% of the training, 19:01 elapsed, ETA 19:01; training {run.RunId} (epoch 7 of 12)."));
        Assert.That(log.Lines[^2].Line, Does.StartWith($"[   1/1] {run.RunId}").And.Contain("val_loss 0.2500"));
        Assert.That(log.Lines[^1], Is.EqualTo((TimeSpan.FromMinutes(38), "convnet: 1 of 1 runs done in 38:00.")));
    }

    [Test]
    public void Runs_that_finish_within_thirty_seconds_of_each_other_leave_the_heartbeat_quiet_but_for_its_first_and_last_lines()
    {
        // The tutorial's pace: a run done every 10 s, on two workers.
        var runs = Enumerable.Range(1, 12).Select(seed => new RunConfig { Layers = 1, Epochs = 2, Seed = seed }).ToList();
        var tracker = new ProgressTracker(_ => 1, time: _time);
        var log = new TimedLog(_time);
        using (var progress = new PlainProgress(tracker, "tutorial", log, _time))
        {
            tracker.Plan(runs);
            for (var i = 0; i < runs.Count; i += 2)
            {
                foreach (var run in runs.Skip(i).Take(2)) progress.Start(run);
                for (var epoch = 1; epoch <= 2; epoch++)
                {
                    Wait(epoch == 1 ? 4 : 6);
                    foreach (var run in runs.Skip(i).Take(2)) progress.Epoch(run, Metrics(epoch));
                }
            }
        }

        Assert.That(log.Lines.Select(l => l.Line).Where(l => !l.StartsWith('[')), Is.EqualTo(new[]
        {
            $"tutorial: 0 of 12 runs done, 0% of the training, 00:01 elapsed, ETA not yet known; training {runs[0].RunId} " +
            $"(epoch 1 of 2), {runs[1].RunId} (epoch 1 of 2).",
            "tutorial: 12 of 12 runs done in 01:00.",
        }));
        Assert.That(log.Lines.Count(l => l.Line.StartsWith('[')), Is.EqualTo(12), "a line per finished run");
    }
}

using System.Globalization;
using Harness.Config;
using Harness.Settings;
using Harness.History;
using Harness.Reproduction;

namespace Harness.Cli;

/// <summary>
/// Progress for logs and CI (no cursor movement, no colour): a line per finished run, and between them the heartbeat
/// <c>dotnet test</c> prints (<see cref="ProgressHeartbeat"/>), so that a long run still shows its epoch and the ETA at
/// least every 30 s; never a line per epoch or batch.
/// </summary>
internal sealed class PlainProgress : IProgressDisplay, IDisposable
{
    private readonly ProgressTracker _tracker;
    private readonly ProgressHeartbeat _heartbeat;

    /// <param name="label">What is training, for the heartbeat's lines (the experiment's name).</param>
    /// <param name="time">The clock of the heartbeat and the tracker (tests pass a fake one).</param>
    public PlainProgress(ProgressTracker tracker, string label, TextWriter output, TimeProvider? time = null)
    {
        _tracker = tracker;
        _heartbeat = new ProgressHeartbeat(tracker, label, output.WriteLine, time);
    }

    public void Start(RunConfig run) => _tracker.Start(run);

    public void Epoch(RunConfig run, EpochMetrics metrics)
    {
        if (_tracker.Epoch(run, metrics.Epoch) is not { } done) return;
        var remaining = _tracker.Remaining is { } r ? ProgressLine.Duration(r) : "?";
        _heartbeat.Write(string.Create(CultureInfo.InvariantCulture,
            $"[{done,4}/{_tracker.Runs}] {run.RunId,-44} val_loss {metrics.ValLoss:0.0000}  val_acc {metrics.ValAcc:0.0000}  elapsed " +
            $"{ProgressLine.Duration(_tracker.Elapsed)}  ETA {remaining}"));
    }

    /// <summary>Stops the heartbeat, after its closing line.</summary>
    public void Dispose() => _heartbeat.Dispose();
}

using System.Globalization;
using Harness.Config;
using Harness.Config.Settings;
using Harness.History;
using Harness.Reproduction;

namespace Harness.Cli;

/// <summary>One line per finished run, for logs and CI (no cursor movement, no colour).</summary>
public sealed class PlainProgress(ProgressTracker tracker, TextWriter output) : IProgressDisplay
{
    private readonly Lock _gate = new();

    public void Epoch(RunConfig run, EpochMetrics metrics)
    {
        if (tracker.Epoch(run, metrics.Epoch) is not { } done) return;
        lock (_gate)
        {
            var remaining = tracker.Remaining is { } r ? ProgressLine.Duration(r) : "?";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{done,4}/{tracker.Runs}] {run.RunId,-44} val_loss {metrics.ValLoss:0.0000}  val_acc {metrics.ValAcc:0.0000}  elapsed " +
                $"{ProgressLine.Duration(tracker.Elapsed)}  ETA {remaining}"));
        }
    }
}

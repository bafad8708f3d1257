using System.Globalization;
using Harness.Settings;

namespace Harness.Reproduction;

/// <summary>
/// One line of progress for a log: runs done of those planned, the share of the work, elapsed time and ETA, and the runs in
/// training with the epoch each is in.
/// </summary>
internal static class ProgressLine
{
    /// <summary>Runs in training named on a line; more (a machine with many workers) are counted, so the line stays readable.</summary>
    public const int NamedRuns = 4;

    /// <summary>
    /// "keras-tutorial-05: 37 of 130 runs done (12 read from the run store), 28% of the training, 04:12 elapsed, ETA
    /// 10:48; training layers-9_dropout-0_n-1000_seed-3 (epoch 7 of 18), layers-1_dropout-0.2_n-6000_seed-1 (epoch 2 of
    /// 18)."
    /// </summary>
    public static string Format(string label, ProgressTracker tracker)
    {
        var (planned, done, reused, fraction, elapsed, training) =
            (tracker.Runs, tracker.RunsDone, tracker.RunsReused, tracker.Fraction, tracker.Elapsed, tracker.InTraining);
        var head =
            string.Create(CultureInfo.InvariantCulture,
                $"{label}: {done} of {planned} runs done{(reused > 0 ? $" ({reused} read from the run store)" : "")}");
        if (done >= planned)
            // Runs in training once all are done are trained again to check them (a baseline's confirmation, --verify).
            return training.Count == 0 ? $"{head} in {Duration(elapsed)}."
                : $"{head}, {Duration(elapsed)} elapsed; training again {Training(training)}.";
        // Work is counted by epoch, so the first finished epoch of any run already gives an estimate.
        var eta = fraction > 0 && tracker.Remaining is { } remaining ? Duration(remaining) : "not yet known";
        return string.Create(CultureInfo.InvariantCulture,
            $"{head}, {fraction * 100:0}% of the training, {Duration(elapsed)} elapsed, ETA {eta}" +
            $"{(training.Count == 0 ? "" : $"; training {Training(training)}")}.");
    }

    public static string Duration(TimeSpan span) =>
        span.ToString(span.TotalHours >= 1 ? @"h\:mm\:ss" : @"mm\:ss", CultureInfo.InvariantCulture);

    private static string Training(IReadOnlyList<(RunConfig Run, int Epoch)> training)
    {
        var named = training.Take(NamedRuns).Select(t =>
            string.Create(CultureInfo.InvariantCulture, $"{t.Run.RunId} (epoch {t.Epoch} of {t.Run.Epochs})"));
        return string.Join(", ", named) + (training.Count > NamedRuns ? $" and {training.Count - NamedRuns} more" : "");
    }
}

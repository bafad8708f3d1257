using System.Globalization;

namespace Harness.Reproduction;

/// <summary>One line of progress for a log: runs done of those planned, the share of the work, elapsed time and ETA.</summary>
public static class ProgressLine
{
    /// <summary>
    /// "keras-tutorial-05: 37 of 130 runs done (12 read from the run store), 28% of the training, 04:12 elapsed, ETA
    /// 10:48".
    /// </summary>
    public static string Format(string label, ProgressTracker tracker)
    {
        var (planned, done, reused, fraction, elapsed) =
            (tracker.Runs, tracker.RunsDone, tracker.RunsReused, tracker.Fraction, tracker.Elapsed);
        var head =
            string.Create(CultureInfo.InvariantCulture,
                $"{label}: {done} of {planned} runs done{(reused > 0 ? $" ({reused} read from the run store)" : "")}");
        if (done >= planned) return $"{head} in {Duration(elapsed)}.";
        // Work is counted by epoch, so the first finished epoch of any run already gives an estimate.
        var eta = fraction > 0 && tracker.Remaining is { } remaining ? Duration(remaining) : "not yet known";
        return string.Create(CultureInfo.InvariantCulture,
            $"{head}, {fraction * 100:0}% of the training, {Duration(elapsed)} elapsed, ETA {eta}.");
    }

    public static string Duration(TimeSpan span) =>
        span.ToString(span.TotalHours >= 1 ? @"h\:mm\:ss" : @"mm\:ss", CultureInfo.InvariantCulture);
}

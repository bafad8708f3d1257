using System.Text.Json;
using Harness.IO;

namespace Harness.Report;

/// <summary>
/// A reproduction's whole report set, as every front end writes it: each writer's file (<see cref="ReportWriters.Default"/>)
/// and timings.json, staged and then moved into <c>OUT/&lt;experiment&gt;/</c> (<see cref="ReportDirectory"/>: the previous
/// set stays whole if this one cannot be written, and only files an earlier report wrote are ever deleted). A writer that
/// fails on its own (a figure ScottPlot cannot draw) is one failure among the files written; a file system that fails (a
/// full disk) costs the whole set.
/// </summary>
internal static class ReportPublisher
{
    public const string TimingsFile = "timings.json";

    /// <summary>What was published: the files moved into place (null when none were), and every failure, in words.</summary>
    public sealed record Published(IReadOnlyList<string>? Files, IReadOnlyList<string> Failures);

    /// <param name="wallSeconds">The reproduction's wall time, for timings.json (kept apart: the other files are the same
    /// bytes on every run).</param>
    public static Published Publish(ReportDirectory report, ExperimentResults results, double wallSeconds)
    {
        try
        {
            var (failures, files) = report.Publish(staging =>
            {
                var (_, writerFailures) = ReportWriters.Default.Write(results, staging);
                WriteTimings(staging, results, wallSeconds);
                return writerFailures;
            });
            return new Published(files, failures);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Published(null,
                [$"--out {report.OutRoot}: the report could not be written to {report.Path}, so the report there is " +
                    $"left as it was: {e.Message}"]);
        }
    }

    private static void WriteTimings(string directory, ExperimentResults results, double wallSeconds)
    {
        var timings = new Dictionary<string, object>
        {
            ["wall_seconds"] = Math.Round(wallSeconds, 3),
            ["training_seconds_summed"] = Math.Round(results.Runs.Sum(r => r.Seconds), 3),
            ["runs"] = results.Runs.OrderBy(r => r.RunId, StringComparer.Ordinal).ToDictionary(r => r.RunId, r => Math.Round(r.Seconds, 3)),
        };
        AtomicFile.WriteAllText(Path.Combine(directory, TimingsFile),
            JsonSerializer.Serialize(timings, new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}

namespace Harness.Report;

/// <summary>
/// Runs every writer; one writer's failure is recorded and the others still write (BenchmarkDotNet's composite
/// exporter does the same), so a broken figure never costs the report. A failing file system (a full disk, a folder
/// that cannot be written) is not one writer's failure: it is thrown, and the whole set is not published
/// (<see cref="ReportDirectory"/>).
/// </summary>
internal sealed class ReportWriters(params IReportWriter[] writers)
{
    // HtmlReport comes after Figures: it embeds the PNGs Figures has just written, and notes any that is missing.
    public static ReportWriters Default =>
        new(new MarkdownReport(), new HistoriesCsv(), new ClaimsJson(), new RunFiles(), new Figures(), new HtmlReport());

    public (IReadOnlyList<string> Written, IReadOnlyList<string> Failures) Write(ExperimentResults results, string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        var failures = new List<string>();
        foreach (var writer in writers)
        {
            try
            {
                written.AddRange(writer.Write(results, directory));
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                failures.Add($"{writer.GetType().Name} failed: {e.Message}");
            }
        }
        return (written, failures);
    }
}

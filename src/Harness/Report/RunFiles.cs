using Harness.History;

namespace Harness.Report;

/// <summary><c>runs/&lt;run-id&gt;.json</c>: each run's full result, as <c>harness run</c> writes it.</summary>
internal sealed class RunFiles : IReportWriter
{
    public const string Folder = "runs";

    public IReadOnlyList<string> Write(ExperimentResults results, string directory) =>
        results.Runs.Select(run => RunResultJson.Write(Path.Combine(directory, Folder), run)).ToList();
}

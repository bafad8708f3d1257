using Harness.Report;

namespace Harness.Reproduction;

/// <summary>
/// What a reproduction came to: its results (null for a shard, which checks nothing), the report's files as moved into
/// place (null when none were), where its runs came from in words, and every failure besides the results' own.
/// </summary>
internal sealed record ReproductionOutcome(ExperimentResults? Results, IReadOnlyList<string>? ReportFiles, string RunsFrom,
    IReadOnlyList<string> Failures)
{
    /// <summary>Nothing failed: the results hold (a shard's trained runs always do), and the report and store checks passed.</summary>
    public bool Holds => (Results?.Holds ?? true) && Failures.Count == 0;
}

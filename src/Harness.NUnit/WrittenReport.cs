using Harness.Report;

namespace Harness.NUnit;

/// <summary>A reproduction's report as the tests wrote it: what it found, where, the files, and any writer's failure.</summary>
public sealed class WrittenReport
{
    internal WrittenReport(ExperimentResults results, string directory, IReadOnlyList<string> files, IReadOnlyList<string> failures) =>
        (Results, Directory, Files, Failures) = (results, directory, files, failures);

    internal ExperimentResults Results { get; }

    /// <summary>The experiment's report folder: report.md, report.html, histories.csv, claims.json, figures/, runs/.</summary>
    public string Directory { get; }

    /// <summary>Every file written, as full paths.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>What a writer could not write; empty when the whole report was written.</summary>
    public IReadOnlyList<string> Failures { get; }
}

namespace Harness.Report;

/// <summary>Writes one artifact of a reproduction into a directory; returns the files it wrote.</summary>
internal interface IReportWriter
{
    IReadOnlyList<string> Write(ExperimentResults results, string directory);
}

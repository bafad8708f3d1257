namespace Harness.Report;

/// <summary>Writes one artifact of a reproduction into a directory; returns the files it wrote.</summary>
public interface IReportWriter
{
    IReadOnlyList<string> Write(ExperimentResults results, string directory);
}

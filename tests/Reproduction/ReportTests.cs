using Harness.Baselines;
using Harness.Report;
using Harness.Reproduction;

namespace Harness.Tests.Reproduction;

/// <summary>
/// The whole reproduction as a report, attached to the test results (and left under <c>artifacts/</c> for CI to upload).
/// It reuses the session's runs, so it trains nothing the other tests have not.
/// </summary>
[TestFixtureSource(typeof(Experiments), nameof(Experiments.Fixtures))]
public sealed class ReportTests(string experiment)
{
    [Test]
    public void The_report_is_written_and_attached()
    {
        var results = Reproducer.Reproduce(Experiments.Session(experiment));
        var directory = Path.Combine(Path.GetDirectoryName(RepositoryLayout.BaselinesRoot())!, "artifacts", "test-report", results.Experiment.Name);
        var (written, failures) = ReportWriters.Default.Write(results, directory);

        Assert.That(failures, Is.Empty);
        foreach (var file in written.Where(f => !f.Contains($"{Path.DirectorySeparatorChar}{RunFiles.Folder}{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            TestContext.AddTestAttachment(file, Path.GetFileName(file));
        var report = File.ReadAllText(Path.Combine(directory, MarkdownReport.FileName));
        Assert.That(report, Does.Contain("## Figures"));
        foreach (var figure in Figures.Plan(results))
        {
            Assert.That(report, Does.Contain($"{Figures.Folder}/{figure.File}"));
            Assert.That(new FileInfo(Path.Combine(directory, Figures.Folder, figure.File)).Length, Is.GreaterThan(10_000), $"{figure.File} is a real image");
        }
        Assert.Pass($"Wrote {directory}: {written.Count} files. {results.Headline}; see the report.");
    }
}

using Harness.Baselines;
using Harness.Report;

namespace Harness.Tests.Reproduction;

/// <summary>
/// The whole reproduction as a report, written under <c>artifacts/test-report/&lt;experiment&gt;/</c> (which CI uploads) and
/// attached to the test results, figures included, so a trx viewer shows them. It reuses the session's runs, so it trains
/// nothing the other tests have not.
/// </summary>
[TestFixtureSource(typeof(Experiments), nameof(Experiments.Fixtures))]
public sealed class ReportTests(string experiment)
{
    /// <summary>Where the tests write an experiment's report.</summary>
    public static string Directory(string name) =>
        Path.Combine(Path.GetDirectoryName(RepositoryLayout.BaselinesRoot())!, "artifacts", "test-report", name);

    [Test]
    public void The_report_is_written_and_attached()
    {
        var tested = Experiments.Of(experiment);
        var directory = Directory(tested.Session.Experiment.Name);
        var (results, written, failures) = tested.WriteReport(directory);

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

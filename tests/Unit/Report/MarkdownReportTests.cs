using Harness.Baselines;
using Harness.Report;

namespace Harness.Tests.Unit.Report;

public sealed class MarkdownReportTests
{
    [Test]
    public void Renders_fixed_results_as_the_committed_report()
    {
        Snapshot.Verify(MarkdownReport.Render(ReportFixture.Results()), "report", "md");
    }

    [Test]
    public void Rendering_twice_gives_the_same_text()
    {
        var first = MarkdownReport.Render(ReportFixture.Results());
        var second = MarkdownReport.Render(ReportFixture.Results());
        Assert.That(second, Is.EqualTo(first), "the bootstrap is seeded and nothing depends on the clock");
    }

    [Test]
    public void A_regression_or_a_mismatched_verdict_means_not_everything_holds()
    {
        var results = ReportFixture.Results();
        Assert.That(results.ExactHolds, Is.False);
        Assert.That(results.ClaimsHold, Is.False);
        Assert.That(results.Holds, Is.False);
        Assert.That(MarkdownReport.Render(results),
            Does.Contain("__Not everything holds__").And.Contain("__differs from the registration__"));
    }

    [Test]
    public void Histories_that_were_not_compared_never_read_as_everything_holds()
    {
        var fixture = ReportFixture.Results();
        var results = fixture with
        {
            Exact = [.. fixture.Exact.Select((e, i) =>
                e with { Outcome = new ExactOutcome(i < 3 ? ExactVerdict.NotComparable : ExactVerdict.Match,
                i < 3 ? "Not comparable: numerics: portable (baseline) vs native (current)." : "ok") })],
            Claims = [.. fixture.Claims.Where(c => c.AsRegistered)],
            RegisteredOutliers = [],
            Published = [],
        };
        Assert.That(results.Holds, Is.True, "nothing failed");

        var report = MarkdownReport.Render(results);

        Assert.That(report, Does.Not.Contain("Everything holds"));
        Assert.That(report,
            Does.Contain("**Nothing failed, but not everything was verified**: 3 of 24 histories could not be compared bit for bit.")
            .And.Contain("- Exact tier: 21 of 24 histories verified bit for bit")
            .And.Contain("  - 3 could not be compared. Not comparable: numerics: portable (baseline) vs native (current)."));
    }

    [Test]
    public void Histories_csv_is_tidy_one_row_per_run_epoch_and_metric()
    {
        var results = ReportFixture.Results();
        var lines = HistoriesCsv.Render(results).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("experiment,run,layers,dropout,n,seed,epoch,metric,value"));
        Assert.That(lines, Has.Length.EqualTo(1 + results.Runs.Count * 18 * 4));
        Assert.That(lines[1], Is.EqualTo("fixture,layers-1_dropout-0.2_n-1000_seed-1,1,0.2,1000,1,1,loss,0.5"));
    }

    [Test]
    public void Claims_json_carries_every_verdict_and_its_numbers()
    {
        var json = System.Text.Json.JsonDocument.Parse(ClaimsJson.Render(ReportFixture.Results())).RootElement;
        var claims = json.GetProperty("claims").EnumerateArray().ToList();
        Assert.That(claims.Select(c => c.GetProperty("id").GetString()), Is.EqualTo(new[] { "deeper", "dropout" }));
        Assert.That(claims[0].GetProperty("verdict").GetString(), Is.EqualTo("Supported"));
        Assert.That(claims[0].GetProperty("parts")[0].GetProperty("lower").GetDouble(), Is.GreaterThan(0));
        Assert.That(json.GetProperty("published")[0].GetProperty("outlier").GetBoolean(), Is.True);
    }

    [Test]
    public void Figures_are_valid_pngs()
    {
        var directory = TestScratch.Path("harness-figures");
        try
        {
            var files = new Figures().Write(ReportFixture.Results(), directory);
            Assert.That(files.Select(Path.GetFileName), Is.EquivalentTo(new[] { "curves_n-1000.png", "gap-vs-layers.png" }));
            foreach (var file in files)
            {
                var bytes = File.ReadAllBytes(file);
                Assert.That(bytes[..8], Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }), file);
                Assert.That(bytes.Length, Is.GreaterThan(10_000), $"{file} has content");
            }
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}

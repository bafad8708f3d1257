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
    public void The_report_opens_with_its_headline_and_a_row_per_claim_with_its_verdict()
    {
        var results = TutorialLikeFixture.Results();

        var lines = MarkdownReport.Render(results).Split('\n');

        Assert.That(lines[0], Is.EqualTo("# Reproduction: a fixed experiment"));
        Assert.That(lines[2], Does.StartWith("**Everything holds**"));
        Assert.That(lines[4..6], Is.EqualTo(new[]
        {
            "| claim | the source's words | verdict | registered | seeds | look |",
            "| --- | --- | --- | --- | ---: | --- |",
        }));
        Assert.That(lines[6..11], Is.EqualTo(new[]
        {
            "| deeper nets overfit more at n=1000 | With few samples, the deeper the network, the more it overfits. | Supported | " +
                "Supported | 10 | — |",
            "| 9-layer nets end with a lower val_acc than 1-layer nets at n=1000 | Deeper networks may even do worse on the test " +
                "set. | Supported | Supported | 10 | look 1 of 4 |",
            "| more training samples shrink the generalisation gap and its growth with depth | 训练样本越多，过拟合越轻，甚至消失。 | " +
                "Supported | Supported | 10 | — |",
            "| dropout makes the val_loss curve smoother (less epoch-to-epoch variation) | Dropout makes the loss curves " +
                "smoother, with smaller variance. | Supported | Supported | 10 | — |",
            "| dropout lowers the generalisation gap | Dropout alleviates overfitting. | Supported | Supported | 10 | — |",
        }));
    }

    [Test]
    public void A_claims_parts_are_a_table_and_no_paragraph_repeats_them()
    {
        var results = TutorialLikeFixture.Results();
        var samples = results.Claims.Single(c => c.Claim.Id == "samples");
        var report = MarkdownReport.Render(results);

        var start = report.IndexOf($"### Supported: {samples.Claim.Statement}", StringComparison.Ordinal);
        var section = report[start..report.IndexOf(MarkdownReport.EvidenceOpens, start, StringComparison.Ordinal)].Split('\n');

        var statistic = MarkdownText.Escape(samples.Parts[0].Statistic);
        Assert.That(section.Where(l => l.Contains(statistic, StringComparison.Ordinal)), Has.Exactly(8).Items
            .And.All.StartWith("| gap at n=6000 \\< n=1000, part "), "each part once, in its row, and nowhere else above the evidence");
        Assert.That(section, Does.Contain("| part | effect | interval | test | p | verdict |"));
        Assert.That(section, Does.Contain("10 seeds, α = 0.05, 99.38% intervals (Bonferroni over 8 parts)."));
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

using Harness.Claims;

namespace Harness.Tests.Unit.Claims;

public sealed class PublishedComparisonTests
{
    private static readonly List<Harness.History.RunResult> Reproduced =
        Enumerable.Range(1, 10).Select(s => SyntheticRuns.WithGap(3, 0, 1000, s, 0.5 + 0.01 * s)).ToList();

    private static PublishedComparison Compare(double gap) =>
        PublishedComparison.Compare(
            new PublishedRun(Reproduced[0].Config, SyntheticRuns.WithGap(3, 0, 1000, 0, gap).History, new Dictionary<string, double>()),
                Reproduced, ["gap"]);

    [Test]
    public void A_published_run_with_only_a_stated_number_is_placed_on_that_metric()
    {
        var stated = new PublishedRun(Reproduced[0].Config, null, new Dictionary<string, double> { ["gap"] = 0.555 });
        var comparison = PublishedComparison.Compare(stated, Reproduced, ["gap", "final_val_acc"]);
        Assert.That(comparison.Metrics.Select(m => m.Metric), Is.EqualTo(new[] { "gap" }),
            "a metric the source does not state is not compared");
        Assert.That(comparison.Metrics[0].Percentile, Is.EqualTo(50).Within(1e-9));
    }

    [Test]
    public void A_published_value_inside_the_distribution_gets_its_percentile()
    {
        var metric = Compare(0.555).Metrics[0];
        Assert.That(metric.Percentile, Is.EqualTo(50).Within(1e-9), "5 of 10 seeds lie below 0.555");
        Assert.That(metric.Outlier, Is.False);
    }

    [Test]
    public void Beyond_the_range_but_within_one_iqr_is_not_an_outlier()
    {
        // Range 0.51–0.60, IQR 0.045: 0.64 is past the range but within max + IQR.
        Assert.That(Compare(0.64).Metrics[0].Outlier, Is.False);
    }

    [Test]
    public void Beyond_the_range_widened_by_one_iqr_is_an_outlier()
    {
        var comparison = Compare(0.7);
        Assert.That(comparison.Metrics[0].Outlier, Is.True);
        Assert.That(comparison.Metrics[0].Percentile, Is.EqualTo(100));
        Assert.That(comparison.Render(), Does.Contain("OUTSIDE the range widened by one IQR"));
    }

    [Test]
    public void A_comparison_with_runs_of_other_settings_is_refused()
    {
        var twelveEpochs = new PublishedRun(Reproduced[0].Config with { Epochs = 12 }, null,
            new Dictionary<string, double> { ["gap"] = 0.555 });

        var error = Assert.Throws<ArgumentException>(() => PublishedComparison.Compare(twelveEpochs, Reproduced, ["gap"]))!;

        Assert.That(error.Message, Does.StartWith("The published run of layers-3_dropout-0_n-1000_epochs-12 is not compared with run " +
            "layers-3_dropout-0_n-1000_seed-1, which trained with other settings: epochs 12 published, 18 reproduced."));
    }

    [Test]
    public void Too_few_reproduced_seeds_are_not_judged()
    {
        var comparison =
            PublishedComparison.Compare(
                new PublishedRun(Reproduced[0].Config, SyntheticRuns.WithGap(3, 0, 1000, 0, 5.0).History, new Dictionary<string, double>()),
            Reproduced.Take(3).ToList(), ["gap"]);
        Assert.That(comparison.Metrics[0].TooFewSeeds, Is.True);
        Assert.That(comparison.Metrics[0].Outlier, Is.False, "three seeds' range says too little about where one run may fall");
        Assert.That(comparison.Render(), Does.Contain("too few reproduced seeds to judge (3)"));
    }
}

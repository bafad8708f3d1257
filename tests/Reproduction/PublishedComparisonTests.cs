using Harness.Claims;

namespace Harness.Tests.Reproduction;

/// <summary>The tutorial's one published run per configuration, placed within the reproduced seed distribution.</summary>
[TestFixtureSource(typeof(Experiments), nameof(Experiments.Fixtures))]
[Parallelizable(ParallelScope.Children)]
public sealed class PublishedComparisonTests(string experiment)
{
    [ExperimentCases(ExperimentCase.PublishedConfigurations)]
    public void Published_run_lies_where_registered_in_the_reproduced_distribution(PublishedRun published)
    {
        var tested = Experiments.Of(experiment);
        if (tested.Session.PublishedSetAside.FirstOrDefault(s => s.Run == published) is { } setAside)
            NotRun.Because(SetAsidePublishedRun.Sentences([setAside]).Single(),
                "test without overrides of the experiment's settings (--set, HARNESS__ variables)");
        var comparison = tested.ComparePublished(published);
        var registered = tested.Session.Claims.PublishedOutliers.Where(o => o.Configuration == published.ConfigurationId).ToList();
        var report = comparison.Render() + string.Concat(registered.Select(o => $"Registered outlier ({o.Metric}): {o.Reason}\n"));
        TestContext.Out.WriteLine(report);

        // A metric too few seeds cannot judge is neither an outlier nor within (as in the report): not a failure, not a pass.
        var judged = comparison.Metrics.Where(m => !m.TooFewSeeds).ToList();
        if (judged.Count == 0)
            NotRun.Because($"too few reproduced seeds to place the published run\n{report}", "test with the experiment's own seeds");
        var flagged = judged.Where(m => m.Outlier).Select(m => m.Metric).Order().ToList();
        var expected = registered.Where(o => judged.Any(m => m.Metric == o.Metric)).Select(o => o.Metric).Order().ToList();
        Assert.That(flagged, Is.EqualTo(expected),
            $"Outliers found ({string.Join(", ", flagged)}) differ from those registered in claims.json " +
            $"({string.Join(", ", expected)}).\n{report}");
        Assert.Pass(report);
    }
}

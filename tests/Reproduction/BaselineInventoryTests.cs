namespace Harness.Tests.Reproduction;

/// <summary>Baselines and the experiment must describe the same runs: a stale verified file is a silent gap in coverage.</summary>
[TestFixtureSource(typeof(Experiments), nameof(Experiments.Fixtures))]
public sealed class BaselineInventoryTests(string experiment)
{
    [Test]
    public void Every_verified_baseline_belongs_to_a_run_of_the_experiment()
    {
        var session = Experiments.Of(experiment).Session;
        var orphans = session.Baselines.Orphans(session.Runs, session.Configurations);
        Assert.That(orphans, Is.Empty,
            "Verified baselines with no matching run in the experiment (delete them, or restore the runs):\n  " +
                string.Join("\n  ", orphans));
    }
}

using Harness.Report;

namespace Harness.Tests.Unit.Cli;

/// <summary>
/// <c>harness reproduce --decide</c> end to end on the tiny experiment, in child processes: its one claim (a trend over
/// two depths without dropout) cannot be evaluated at the experiment's four seeds, so the decider must add seeds in
/// stages, to the claim's configurations only, and stop at a verdict or at the budget — never failing for it.
/// </summary>
public sealed class ReproduceDecideTests
{
    private TinyExperiment _experiment = null!;

    [SetUp] public void CreateExperiment() => _experiment = new TinyExperiment();
    [TearDown] public void Delete() => _experiment.Dispose();

    [Test]
    public void Adds_seeds_only_where_an_open_claim_needs_them_and_says_how_many_the_verdict_took()
    {
        Assert.That(_experiment.Reproduce(accept: "1").ExitCode, Is.EqualTo(0), "baselines for the experiment's own 16 runs");

        var (exitCode, output) = _experiment.Reproduce(options: ["--decide", "--max-seeds", "12"]);

        Assert.That(exitCode, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain(
            "Deciding claims: seeds per configuration at each look: the experiment's own, then 8, 12 (bonferroni alpha spending)."));
        var report = File.ReadAllText(Path.Combine(_experiment.Out, _experiment.Name, MarkdownReport.FileName));
        // Deciding the two-depth trend at α/3 takes all 8 seeds, or 11 of 12, ordering the depths alike (p = 2·(½)⁸ or
        // 2·13/4096); these runs show no trend (ρ = −0.17, p = 0.77 at 12 seeds), so the claim stays open, and its two
        // configurations get both stages.
        Assert.That(report,
            Does.Contain("Still open after 3 looks and the budget of 12 seeds per configuration (bonferroni spending, exact " +
                         "boundaries for sign tests)."));
        Assert.That(report, Does.Contain("All 16 runs are identical to their baselines, bit for bit."),
            "the added seeds have no baselines and are not checked against any");

        var runs = Directory.GetFiles(Path.Combine(_experiment.Out, _experiment.Name, RunFiles.Folder)).Select(Path.GetFileName).ToList();
        var added = runs.Where(r => !System.Text.RegularExpressions.Regex.IsMatch(r!, @"_seed-[1-4]\.json$")).ToList();
        Assert.That(added, Is.Not.Empty, "four seeds cannot decide the claim, so seeds were added");
        Assert.That(added, Has.All.Contains("_dropout-0_"), "only the claim's configurations (without dropout) get more seeds");
        Assert.That(added.Count, Is.EqualTo(16), "two configurations, seeds 5 to 12");
        Assert.That(Directory.GetFiles(Path.Combine(_experiment.Baselines, _experiment.Name), "*seed-5*"), Is.Empty,
            "added seeds never become baselines");
    }

    [Test]
    public void Max_seeds_needs_decide_and_a_budget_below_the_experiment_s_seeds_is_refused()
    {
        var alone = _experiment.Reproduce(options: ["--max-seeds", "12"]);
        Assert.That(alone.ExitCode, Is.EqualTo(2), alone.Output);
        Assert.That(alone.Output, Does.Contain("--max-seeds: only with --decide"));

        var small = _experiment.Reproduce(options: ["--decide", "--max-seeds", "3"]);
        Assert.That(small.ExitCode, Is.EqualTo(2), small.Output);
        Assert.That(small.Output, Does.Contain("--max-seeds: expected at least the 4 seeds the experiment already has, found 3"));
    }
}

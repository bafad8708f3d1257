using Harness.Baselines;
using Harness.Report;

namespace Harness.Tests.Unit.Cli;

/// <summary>
/// <c>harness reproduce --seeds 1</c> end to end on the tiny experiment, in child processes, with a claim of every kind and a
/// published run: a quick look that trains one seed per configuration, checks its histories bit for bit against the
/// baselines of the full experiment, and lists every claim as not evaluated with what it needs — never an error.
/// </summary>
public sealed class ReproduceOneSeedTests
{
    private TinyExperiment _experiment = null!;

    private string Report => Path.Combine(_experiment.Out, _experiment.Name);
    private string Ensemble => Path.Combine(_experiment.Baselines, _experiment.Name, BaselineFolder.EnsembleName + ".verified.json");

    /// <summary>The experiment's own four seeds, accepted as baselines once: the quick looks are checked against them.</summary>
    [OneTimeSetUp]
    public void AcceptTheFullExperiment()
    {
        _experiment = new TinyExperiment();
        File.WriteAllText(Path.Combine(_experiment.ExperimentDirectory, "claims.json"), """
            { "claims": [
              { "id": "deeper", "statement": "deeper overfits", "metric": "gap", "test": "trend", "axis": "layers",
                "direction": "increasing", "parts": [ { "where": { "dropout": 0 } } ], "expected": { "verdict": "inconclusive",
                "kind": "preregistered", "date": "2026-11-27", "commit": "954ca9a" }, "reason": "a quick look" },
              { "id": "paired", "statement": "dropout lowers the loss, seed by seed", "metric": "final_val_loss", "test": "probability",
                "paired": "true", "direction": "less", "parts": [ { "a": { "dropout": 0.2 }, "b": { "dropout": 0 } } ],
                "expected": { "verdict": "inconclusive", "kind": "preregistered", "date": "2026-11-27", "commit": "954ca9a" },
                "reason": "a quick look" },
              { "id": "groups", "statement": "dropout lowers the loss", "metric": "final_val_loss", "test": "probability",
                "direction": "less", "parts": [ { "a": { "layers": 1, "dropout": 0.2 }, "b": { "layers": 1, "dropout": 0 } } ],
                "expected": { "verdict": "inconclusive", "kind": "preregistered", "date": "2026-11-27", "commit": "954ca9a" },
                "reason": "a quick look" },
              { "id": "contrast", "statement": "dropout helps deeper nets more", "metric": "final_val_loss", "test": "contrast",
                "direction": "less", "parts": [ { "a": { "layers": 2, "dropout": 0.2 }, "b": { "layers": 2, "dropout": 0 },
                "c": { "layers": 1, "dropout": 0.2 }, "d": { "layers": 1, "dropout": 0 } } ], "expected": { "verdict": "inconclusive",
                "kind": "preregistered", "date": "2026-11-27", "commit": "954ca9a" }, "reason": "a quick look" },
              { "id": "threshold", "statement": "better than chance", "metric": "final_val_acc", "test": "threshold", "value": 0.1,
                "direction": "greater", "negligible": 0.01, "parts": [ { "name": "all runs" } ], "expected": { "verdict": "inconclusive",
                "kind": "preregistered", "date": "2026-11-27", "commit": "954ca9a" }, "reason": "a quick look" } ],
              "published": { "metrics": [ "final_val_loss" ] } }
            """);
        File.WriteAllText(Path.Combine(_experiment.ExperimentDirectory, "published.json"), """
            { "source": "a test", "runs": [ { "layers": 1, "dropout": 0, "nTrain": 40, "metrics": { "final_val_loss": 1.0 } } ] }
            """);
        var accepted = _experiment.Reproduce(accept: "1");
        Assert.That(accepted.ExitCode, Is.EqualTo(0), accepted.Output);
    }

    [OneTimeTearDown] public void Delete() => _experiment.Dispose();

    [Test]
    public void One_seed_is_a_quick_look_that_lists_what_each_claim_needs()
    {
        var ensemble = File.ReadAllBytes(Ensemble);

        var (exitCode, output) = _experiment.Reproduce(options: ["--seeds", "1"]);

        Assert.That(exitCode, Is.EqualTo(0), output);
        Assert.That(output, Does.Not.Contain("error:").And.Not.Contain("Exception").And.Not.Match(@"\n\s+at "), "no error, no stack trace");
        Assert.That(output, Does.Contain($"Conclusions of {_experiment.Name} (tiny), from 4 run(s):")
            .And.Contain("  Nothing failed, but not everything was verified: 4 of 4 configurations had too few seeds for the " +
                "ensemble tier; 5 of 5 claims were not evaluated")
            .And.Contain("    ○ Not evaluated — deeper overfits (registered Inconclusive: too few seeds)")
            .And.Contain("  Exact tier: 4 of 4 histories verified bit for bit")
            .And.Contain("  Ensemble tier: 4 with too few seeds (of 4 configurations).")
            .And.Contain("too few reproduced seeds to judge"));
        var report = File.ReadAllText(Path.Combine(Report, MarkdownReport.FileName));
        Assert.That(report, Does.Contain("All 4 runs are identical to their baselines, bit for bit.")
            .And.Contain("deeper needs ≥ 6 seeds to reach α = 0.05 (has 1)")
            .And.Contain("paired needs ≥ 6 seed pairs to reach α = 0.05 (has 1)")
            .And.Contain("groups needs ≥ 6 seeds in both groups to reach α = 0.05 (has 1)")
            .And.Contain("contrast needs ≥ 6 seeds in both effects to reach α = 0.05 (has 1)")
            .And.Contain("threshold needs ≥ 5 seeds to reach α = 0.05 (has 1)")
            .And.Contain("### Not evaluated: dropout helps deeper nets more")
            .And.Contain("| ρ(layers, gap) within seeds not measured | — | — | — | not evaluated: needs ≥ 6 seeds to reach α = 0.05 " +
                "(has 1) |")
            .And.Contain("1 seed, α = 0.05, 95% interval. Too few seeds for a verdict: needs ≥ 6 seeds to reach α = 0.05 (has 1)."));
        Assert.That(File.ReadAllText(Path.Combine(Report, ClaimsJson.FileName)), Does.Contain("\"estimate\": null"));
        Assert.That(File.Exists(Path.Combine(Report, HtmlReport.FileName)), Is.True);
        Assert.That(File.ReadAllBytes(Ensemble), Is.EqualTo(ensemble), "one seed neither replaces nor joins the ensemble baseline");
    }

    [Test]
    public void Deciding_from_one_seed_adds_seeds_at_later_looks()
    {
        var (exitCode, output) = _experiment.Reproduce(options: ["--seeds", "1", "--decide", "--max-seeds", "3"]);

        Assert.That(exitCode, Is.EqualTo(0), output);
        Assert.That(output, Does.Not.Contain("error:").And.Not.Contain("Exception"));
        Assert.That(output,
            Does.Contain("Deciding claims: seeds per configuration at each look: the experiment's own, then 2, 3 " +
                "(bonferroni alpha spending).")
            .And.Contain("Training 4 more run(s) for claims still open."));
        var report = File.ReadAllText(Path.Combine(Report, MarkdownReport.FileName));
        Assert.That(report, Does.Contain("deeper needs ≥ 7 seeds to reach α = 0.0167 (has 3)"),
            "the last look has three seeds, at a third of α");
        Assert.That(Directory.GetFiles(Path.Combine(Report, RunFiles.Folder), "*_seed-3.json"), Has.Length.EqualTo(4));
    }
}

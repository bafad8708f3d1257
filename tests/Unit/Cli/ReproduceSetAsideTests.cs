using Harness.Report;

namespace Harness.Tests.Unit.Cli;

/// <summary>
/// <c>harness reproduce --set</c> end to end on the tiny experiment, in child processes: an override of a setting the
/// published run trained with sets that run aside, and the console, report.md and claims.json say so, with why, instead of
/// comparing it; nothing fails for it.
/// </summary>
public sealed class ReproduceSetAsideTests
{
    private const string Published = "layers-1_dropout-0_n-40_nval-20_epochs-3_batch-8_width-8";
    private const string Sentence =
        $"Published run {Published} set aside: it trained with epochs 3, the reproduced runs with epochs 2 (--set run:epochs=2).";

    private TinyExperiment _experiment = null!;

    private string Report => Path.Combine(_experiment.Out, _experiment.Name);

    [SetUp]
    public void CreateExperiment()
    {
        _experiment = new TinyExperiment();
        File.WriteAllText(Path.Combine(_experiment.ExperimentDirectory, "published.json"), """
            { "source": "a test", "runs": [ { "layers": 1, "dropout": 0, "nTrain": 40,
              "metrics": { "final_val_loss": 1.0, "final_val_acc": 0.5 } } ] }
            """);
    }

    [TearDown] public void Delete() => _experiment.Dispose();

    [Test]
    public void A_published_run_an_override_changed_the_settings_of_is_set_aside_and_said_so_everywhere()
    {
        string[] options = ["--seeds", "1", "--set", "run:epochs=2"];
        // The 2-epoch runs are new runs: their baselines accepted first, so that the run below checks them and can hold.
        var accepted = _experiment.Reproduce(accept: "1", options: options);
        Assert.That(accepted.ExitCode, Is.EqualTo(0), accepted.Output);

        var (exitCode, output) = _experiment.Reproduce(options: options);

        Assert.That(exitCode, Is.EqualTo(0), "a run set aside is not a failure: " + output);
        Assert.That(output, Does.Contain(Sentence + "\n"), "said before anything trains");
        Assert.That(output, Does.Contain("  Published runs: none compared; 1 set aside, never compared with runs of other settings.\n" +
            $"    - {Sentence}"), "and in the conclusions block");
        Assert.That(output, Does.Not.Contain("percentile"), "never placed among the 2-epoch runs");
        var report = File.ReadAllText(Path.Combine(Report, MarkdownReport.FileName));
        Assert.That(report, Does.Contain("## Published versus reproduced\n\nSet aside, not compared: a published run is placed only " +
            "among reproduced runs of the settings it trained with, and for each run below, overrides of the experiment's settings " +
            $"left no such runs.\n\n- {Sentence}\n")
            .And.Contain("1 published run(s) set aside, their settings not the reproduced runs'")
            .And.Not.Contain("| configuration | metric | published |"));
        Assert.That(File.ReadAllText(Path.Combine(Report, ClaimsJson.FileName)), Does.Contain("""
              "published": [],
              "publishedSetAside": [
                {
                  "configuration": "layers-1_dropout-0_n-40_nval-20_epochs-3_batch-8_width-8",
                  "reason": "trained with epochs 3, the reproduced runs with epochs 2 (--set run:epochs=2)",
                  "differences": [
                    {
                      "setting": "epochs",
                      "published": "3",
                      "reproduced": "2"
                    }
                  ],
                  "overrides": [
                    "--set run:epochs=2"
                  ]
                }
              ]
            """.ReplaceLineEndings("\n")));
    }
}

using Harness.Config;
using Harness.Report;
using Harness.Reproduction;

namespace Harness.Tests.Unit.Reproduction;

/// <summary>
/// An experiment is a folder of JSON: found by name or path, validated whole before anything trains, reproduced with no
/// code change.
/// </summary>
public sealed class ExperimentFolderTests
{
    [Test]
    public void Every_shipped_experiment_opens_with_its_claims_and_published_runs()
    {
        Assert.That(ExperimentFolder.Shipped(), Is.SupersetOf(new[] { "keras-tutorial-05", "keras-mnist-mlp" }));
        foreach (var name in ExperimentFolder.Shipped())
        {
            var folder = ExperimentFolder.Open(name);
            Assert.That(folder.Claims.All, Is.Not.Empty, name);
            // The C# model example is the harness's own: no source published runs of it.
            if (name == "csharp-model-example") Assert.That(folder.Published, Is.Empty, name);
            else Assert.That(folder.Published, Is.Not.Empty, name);
            Assert.That(folder.Files.Baselines, Does.EndWith(Path.Combine("baselines", name)),
                "shipped experiments keep the repository's baselines/<name>");
        }
        var mlp = ExperimentFolder.Open("keras-mnist-mlp");
        Assert.That(mlp.Published[0].Metric("final_val_acc"), Is.EqualTo(0.9840), "the example's stated 98.40%");
        Assert.That(mlp.Published[0].ConfigurationId, Is.EqualTo("layers-2_dropout-0.2_n-60000_nval-10000_epochs-20_optimizer-rmsprop"));
    }

    [Test]
    public void A_folder_elsewhere_keeps_its_baselines_beside_it_unless_told_otherwise()
    {
        using var outside = new OutsideExperiment();
        Assert.That(ExperimentFolder.Open(outside.Folder).Files.Baselines, Is.EqualTo(Path.Combine(outside.Folder, "baselines")));
        Assert.That(ExperimentFolder.Open(Path.Combine(outside.Folder, "experiment.json")).Experiment.Name, Is.EqualTo("lr-sweep"));
        var elsewhere = Path.Combine(outside.DataDirectory, "elsewhere");
        Assert.That(ExperimentFolder.Open(outside.Folder, baselines: elsewhere).Files.Baselines, Is.EqualTo(elsewhere));
    }

    [Test]
    public void One_type_says_where_every_file_of_an_experiment_lives()
    {
        using var outside = new OutsideExperiment();
        var files = ExperimentFolder.Open(outside.Folder).Files;
        Assert.That(files.Shipped, Is.False);
        Assert.That(new[] { files.Claims, files.Published, files.ClaimsSource, files.Baselines, files.Received },
            Is.EqualTo(new[] { "claims.json", "published.json", "claims.json", "baselines", "baselines" }
                .Select(f => Path.Combine(outside.Folder, f))), "an experiment of one's own keeps everything in its folder");
        Assert.That(files.ReadOnlyBaselines, Is.Null);

        // A shipped experiment: the program reads the build's copy, so registrations go to the repository's source of it, and
        // a build's output carries no read-only baselines, so the repository's are read and written.
        var shipped = ExperimentFolder.Open("keras-mnist-mlp").Files;
        var root = ExperimentFiles.Repository.Root();
        Assert.That(shipped.Shipped, Is.True);
        Assert.That(shipped.Definition, Is.EqualTo(Path.Combine(ExperimentFiles.ShippedExperiments, "keras-mnist-mlp", "experiment.json")));
        Assert.That(shipped.ClaimsSource,
            Is.EqualTo(Path.Combine(root, "src", "Harness", "experiments", "keras-mnist-mlp", "claims.json")));
        Assert.That(File.Exists(shipped.ClaimsSource), "the source the build copies");
        Assert.That(shipped.Baselines, Is.EqualTo(Path.Combine(root, "baselines", "keras-mnist-mlp")));
        Assert.That(shipped.Received, Is.EqualTo(shipped.Baselines));
        Assert.That(shipped.ReadOnlyBaselines, Is.Null, "a build's output has no packaged copy");
    }

    [Test]
    public void Every_error_in_every_file_is_reported_at_once()
    {
        using var outside = new OutsideExperiment(
            experimentJson: """
                { "name": "bad", "run": { "optimizer": "adam", "momentum": 0.9 },
                  "grids": [ { "name": "g", "axes": { "depth": [1], "learningRate": [0.1, -1] } } ] }
                """,
            claimsJson: """
                { "claims": [ { "id": "c", "statement": "s", "metric": "gap", "test": "trend", "axis": "width", "direction": "increasing",
                  "parts": [ { "where": { "width": 8 } } ], "expected": { "verdict": "supported", "kind": "preregistered", "date": "2026-11-27", "commit": "954ca9a" }, "reason": "r" } ] }
                """,
            publishedJson: """{ "runs": [ { "metrics": { "final_val_acc": 0.98 } } ] }""");

        var error = Assert.Throws<ConfigurationException>(() => ExperimentFolder.Open(outside.Folder))!;
        Assert.That(error.Errors, Has.Some.StartsWith("grids:0:axes:depth: unknown axis"));
        Assert.That(error.Errors, Has.Some.StartsWith("grids:0:axes:learningRate:1: expected a number > 0, found '-1'"));
        Assert.That(error.Errors, Has.Some.StartsWith("run:momentum: optimizer 'adam' does not use it"));
    }

    [Test]
    public void Claims_naming_an_undeclared_axis_and_published_runs_missing_a_metric_are_errors_too()
    {
        using var outside = new OutsideExperiment(
            claimsJson: """
                { "claims": [ { "id": "c", "statement": "s", "metric": "gap", "test": "trend", "axis": "layers", "direction": "increasing",
                  "parts": [ { "where": { "dropout": 0 } } ], "expected": { "verdict": "supported", "kind": "preregistered", "date": "2026-11-27", "commit": "954ca9a" }, "reason": "r" } ] }
                """,
            publishedJson: """{ "runs": [ { "width": 8, "learningRate": 0.1, "metrics": { "final_loss": 0.5 } }, """ +
                """{ "width": 16, "metrics": { "final_loss": 0.5 } } ] }""");

        var error = Assert.Throws<ConfigurationException>(() => ExperimentFolder.Open(outside.Folder))!;
        Assert.That(error.Errors,
            Has.Some.StartsWith("claims:0:parts:0:axis: expected a numeric axis the experiment declares (width, " +
                "learningRate), found 'layers'"));
        Assert.That(error.Errors, Has.Some.StartsWith("claims:0:parts:0:where:dropout: not an axis of this experiment"));
        Assert.That(error.Errors,
            Has.Some.Contains("runs[1]: configuration " +
                "layers-1_dropout-0_n-40_nval-20_epochs-3_batch-8_width-16_optimizer-sgd_momentum-0.9 is not " +
                $"one the experiment declares ({Path.Combine(outside.Folder, "experiment.json")}, before any override)"));

        File.WriteAllText(Path.Combine(outside.Folder, "claims.json"), """
            { "claims": [ { "id": "c", "statement": "s", "metric": "gap", "test": "trend", "axis": "width", "direction": "increasing",
              "parts": [ { "where": { "learningRate": 0.1 } } ], "expected": { "verdict": "supported", "kind": "preregistered", "date": "2026-11-27", "commit": "954ca9a" }, "reason": "r" } ] }
            """);
        File.WriteAllText(Path.Combine(outside.Folder, "published.json"),
            """{ "runs": [ { "width": 8, "learningRate": 0.1, "metrics": { "final_loss": 0.5 } } ] }""");
        error = Assert.Throws<ConfigurationException>(() => ExperimentFolder.Open(outside.Folder))!;
        Assert.That(error.Errors, Is.EqualTo(new[]
        {
            $"{Path.Combine(outside.Folder, "published.json")}: the published run of " +
            "layers-1_dropout-0_n-40_nval-20_epochs-3_batch-8_width-8_optimizer-sgd_lr-0.1_momentum-0.9 has no 'final_val_loss', which " +
            $"{Path.Combine(outside.Folder, "claims.json")} (published:metrics) compares; give its history or " +
            "\"metrics\": { \"final_val_loss\": … }",
            $"{Path.Combine(outside.Folder, "published.json")}: the published run of " +
            "layers-1_dropout-0_n-40_nval-20_epochs-3_batch-8_width-8_optimizer-sgd_lr-0.1_momentum-0.9 has no 'final_val_acc', which " +
            $"{Path.Combine(outside.Folder, "claims.json")} (published:metrics) compares; give its history or " +
            "\"metrics\": { \"final_val_acc\": … }",
        }), "the default published metrics are final_val_loss and final_val_acc");
    }

    [Test]
    public void A_folder_elsewhere_runs_through_reproduce_by_path_grouped_by_its_own_axes()
    {
        using var outside = new OutsideExperiment();
        var first = outside.Reproduce();
        Assert.That(first.ExitCode, Is.EqualTo(1), "no baselines yet: " + first.Output);
        Assert.That(first.Output, Does.Contain("[  20/20]"));
        Assert.That(Directory.GetFiles(Path.Combine(outside.Folder, "baselines"), "*_seed-*.received.json"), Has.Length.EqualTo(20),
            "baselines beside the experiment");

        var accepted = outside.Reproduce(accept: "1");
        Assert.That(accepted.ExitCode, Is.EqualTo(0), accepted.Output);
        var verified = outside.Reproduce();
        Assert.That(verified.ExitCode, Is.EqualTo(0), verified.Output);

        var directory = Path.Combine(outside.Out, "lr-sweep");
        var csv = File.ReadAllLines(Path.Combine(directory, HistoriesCsv.FileName));
        Assert.That(csv[0], Is.EqualTo("experiment,run,width,lr,seed,epoch,metric,value"), "one CSV column per declared axis");
        Assert.That(csv[1], Does.StartWith(
            "lr-sweep,layers-1_dropout-0_n-40_nval-20_epochs-3_batch-8_width-4_optimizer-sgd_lr-0.1_momentum-0.9_seed-1,4,0.1,1,1,loss,"));
        Assert.That(Directory.GetFiles(Path.Combine(directory, Figures.Folder)).Select(Path.GetFileName),
            Is.EquivalentTo(new[] { "curves_width-4.png", "curves_width-8.png", "gap-vs-learningRate.png" }), "figures " +
                "faceted as the experiment declares");
        var report = File.ReadAllText(Path.Combine(directory, MarkdownReport.FileName));
        Assert.That(report, Does.Contain("varying width, learningRate").And.Contain("optimizer sgd").And.Contain("momentum 0.9"));
        // As report.md writes every value: escaped for Markdown (brackets and '>' as the characters they are).
        Assert.That(report, Does.Contain("### Not evaluated: a higher learning rate ends with a lower training loss"));
        // The part is the folder's own axis (width 8), its effect paired by seed, in the claim's parts table.
        Assert.That(report,
            Does.Contain($"| width 8 | {MarkdownText.Escape("P(final_loss[lr=0.1] > final_loss[lr=0.01]), paired by seed")} = "));
    }

    [Test]
    public void Bad_configuration_exits_2_naming_the_key_before_anything_trains()
    {
        using var outside = new OutsideExperiment(claimsJson: """
            { "claims": [ { "id": "c", "statement": "s", "metric": "gap", "test": "probability", "direction": "less",
              "parts": [ { "a": { "layers": 2 }, "b": { "width": 4 } } ], "expected": { "verdict": "supported", "kind": "preregistered", "date": "2026-11-27", "commit": "954ca9a" }, "reason": "r" } ] }
            """);
        var (exitCode, output) = outside.Reproduce();
        Assert.That(exitCode, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain("claims:0:parts:0:a:layers: not an axis of this experiment"));
        Assert.That(output, Does.Not.Contain("[   1/"), "nothing trained");
        Assert.That(Directory.Exists(outside.Out), Is.False, "nothing written");
    }

    [Test]
    public void Data_too_small_for_the_runs_exits_2_before_anything_trains()
    {
        using var outside = new OutsideExperiment();
        var (exitCode, output) = outside.Reproduce(null, "--set", "run:nTrain=41");
        Assert.That(exitCode, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain("nTrain: 41 training images asked for, but").And.Contain("holds 40"));
        Assert.That(output, Does.Not.Contain("[   1/"), "nothing trained");
    }
}

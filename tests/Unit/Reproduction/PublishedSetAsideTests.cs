using System.Collections;
using Harness.Claims;
using Harness.Config;
using Harness.Reproduction;

namespace Harness.Tests.Unit.Reproduction;

/// <summary>
/// A published run keeps the settings its files give it: the experiment as its folder declares it, then published.json's.
/// Overrides (<c>--set</c>, <c>HARNESS__</c> variables) change what is reproduced; a published run they leave without a
/// configuration of its settings is set aside, saying which settings and which override, and never compared.
/// </summary>
public sealed class PublishedSetAsideTests
{
    /// <summary>The tiny experiment's configuration the published run trained with (its epochs 3, as declared).</summary>
    private const string Published = "layers-1_dropout-0_n-40_nval-20_epochs-3_batch-8_width-8";

    private TinyExperiment _experiment = null!;

    [SetUp]
    public void CreateExperiment()
    {
        _experiment = new TinyExperiment();
        WritePublished($$"""{ "runs": [ {{Run(1, "0")}} ] }""");
    }

    [TearDown] public void Delete() => _experiment.Dispose();

    /// <summary>One published run of the tiny experiment's configuration with these layers and dropout.</summary>
    private static string Run(int layers, string dropout) => $$"""
        { "layers": {{layers}}, "dropout": {{dropout}}, "nTrain": 40, "metrics": { "final_val_loss": 1.0, "final_val_acc": 0.5 } }
        """;

    private void WritePublished(string json) => File.WriteAllText(Path.Combine(_experiment.ExperimentDirectory, "published.json"), json);

    /// <summary>The folder with these <c>--set</c> overrides and these environment variables (none but these: the test process's
    /// own never count).</summary>
    private ExperimentFolder Open(Dictionary<string, string?>? set = null, Hashtable? environment = null) =>
        ExperimentFolder.Open(_experiment.ExperimentDirectory, set, environment: environment ?? new Hashtable());

    [Test]
    public void Without_overrides_a_published_run_is_compared()
    {
        var folder = Open();

        Assert.That(folder.Published.Select(p => p.ConfigurationId), Is.EqualTo(new[] { Published }));
        Assert.That(folder.PublishedSetAside, Is.Empty);
    }

    [Test]
    public void An_override_of_a_setting_it_trained_with_sets_it_aside_naming_the_setting_and_the_override()
    {
        var folder = Open(new() { ["run:epochs"] = "2", ["grids:0:seeds:count"] = "2" });

        Assert.That(folder.Published, Is.Empty, "never compared with 2-epoch runs");
        var setAside = folder.PublishedSetAside.Single();
        Assert.That(setAside.Run.ConfigurationId, Is.EqualTo(Published), "its own settings: epochs 3 as the folder declares");
        Assert.That(setAside.Differences, Is.EqualTo(new[] { new Harness.Settings.SettingDifference("epochs", "3", "2") }));
        Assert.That(setAside.Causes.Select(c => c.Given), Is.EqualTo(new[] { "--set run:epochs=2" }),
            "the seed count changes no setting of the run, so it is not a cause");
        Assert.That(SetAsidePublishedRun.Sentences(folder.PublishedSetAside), Is.EqualTo(new[]
        {
            $"Published run {Published} set aside: it trained with epochs 3, the reproduced runs with epochs 2 (--set run:epochs=2).",
        }));
    }

    [Test]
    public void Settings_published_json_states_itself_are_kept_too_where_they_once_made_the_folder_an_error()
    {
        // The tutorial's published.json states its shared settings; with --set run:epochs=2 it used to name configurations the
        // override had removed, and bench --set failed on it.
        WritePublished("""
            { "settings": { "epochs": 3, "batchSize": 8 },
              "runs": [ { "layers": 1, "dropout": 0, "nTrain": 40, "metrics": { "final_val_loss": 1.0, "final_val_acc": 0.5 } },
                        { "layers": 2, "dropout": 0.2, "nTrain": 40, "metrics": { "final_val_loss": 1.0, "final_val_acc": 0.5 } } ] }
            """);

        var folder = Open(new() { ["run:epochs"] = "2" });

        Assert.That(folder.PublishedSetAside.Select(s => s.Run.ConfigurationId),
            Is.EqualTo(new[] { Published, "layers-2_dropout-0.2_n-40_nval-20_epochs-3_batch-8_width-8" }));
        Assert.That(SetAsidePublishedRun.Sentences(folder.PublishedSetAside), Is.EqualTo(new[]
        {
            $"2 published runs set aside ({Published}, layers-2_dropout-0.2_n-40_nval-20_epochs-3_batch-8_width-8): each trained " +
            "with epochs 3, the reproduced runs with epochs 2 (--set run:epochs=2).",
        }), "one sentence for the runs one reason sets aside");
    }

    [Test]
    public void Outliers_claims_json_registers_of_published_runs_name_them_as_declared_whatever_the_overrides()
    {
        File.WriteAllText(Path.Combine(_experiment.ExperimentDirectory, "claims.json"), $$"""
            { "claims": [ { "id": "deeper", "statement": "deeper overfits", "metric": "gap", "test": "trend", "axis": "layers",
              "direction": "increasing", "parts": [ { "where": { "dropout": 0 } } ],
              "expected": { "verdict": "inconclusive", "kind": "preregistered", "date": "2026-11-27", "commit": "954ca9a" },
              "reason": "four seeds" } ],
              "published": { "outliers": [ { "configuration": "{{Published}}", "metric": "final_val_loss", "reason": "a test" } ] } }
            """);

        var folder = Open(new() { ["run:epochs"] = "2" });

        Assert.That(folder.Claims.PublishedOutliers.Single().Configuration, Is.EqualTo(Published),
            "the registered outlier is of the published run, whose configuration the override did not change");
        Assert.That(folder.PublishedSetAside.Single().Run.ConfigurationId, Is.EqualTo(Published));
    }

    [Test]
    public void An_environment_override_sets_a_run_aside_as_set_does_and_is_named_as_given()
    {
        var folder = Open(environment: new Hashtable { ["HARNESS__run__nValidation"] = "10" });

        Assert.That(folder.Published, Is.Empty);
        Assert.That(SetAsidePublishedRun.Sentences(folder.PublishedSetAside).Single(), Is.EqualTo(
            $"Published run {Published} set aside: it trained with nValidation 20, the reproduced runs with nValidation 10 " +
            "(HARNESS__run__nValidation=10)."));
    }

    [Test]
    public void An_override_that_leaves_its_settings_alone_keeps_it_compared()
    {
        var folder = Open(new() { ["grids:0:seeds:count"] = "2", ["grids:0:axes:layers:1"] = "3" });

        Assert.That(folder.Published.Select(p => p.ConfigurationId), Is.EqualTo(new[] { Published }),
            "layers 1 and dropout 0 are still reproduced, with the same settings");
        Assert.That(folder.PublishedSetAside, Is.Empty);
    }

    [Test]
    public void An_override_that_removes_its_configuration_sets_it_aside_against_the_nearest_one()
    {
        WritePublished($$"""{ "runs": [ {{Run(2, "0.2")}} ] }""");

        var folder = Open(new() { ["grids:0:axes:layers:1"] = "3", ["run:batchSize"] = "4" });

        var setAside = folder.PublishedSetAside.Single();
        Assert.That(setAside.Because, Is.EqualTo("trained with layers 2 and batchSize 8, the reproduced runs with layers 1 and " +
            "batchSize 4 (--set grids:0:axes:layers:1=3, --set run:batchSize=4)"),
            "the nearest configuration (fewest differences, first in grid order) is layers 1 with dropout 0.2");
    }

    [Test]
    public void A_published_run_the_declared_experiment_does_not_have_is_still_an_error_whatever_the_overrides()
    {
        WritePublished($$"""{ "runs": [ {{Run(3, "0")}} ] }""");

        var error = Assert.Throws<ConfigurationException>(() => Open(new() { ["grids:0:axes:layers:1"] = "3" }))!;

        Assert.That(error.Errors.Single(), Is.EqualTo($"{Path.Combine(_experiment.ExperimentDirectory, "published.json")}: runs[0]: " +
            "configuration layers-3_dropout-0_n-40_nval-20_epochs-3_batch-8_width-8 is not one the experiment declares " +
            $"({Path.Combine(_experiment.ExperimentDirectory, "experiment.json")}, before any override)"),
            "an override that makes a published run's configuration is no licence for a published.json the folder does not back");
    }
}

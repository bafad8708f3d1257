using Harness.Report;
using Harness.Tests.Unit.Data;

namespace Harness.Tests.Unit.Cli;

/// <summary>
/// <c>harness reproduce</c> end to end on a tiny synthetic experiment, in child processes: outputs are byte-identical
/// between runs, baselines are only written when asked, and the exit code says whether everything holds.
/// </summary>
public sealed class ReproduceCommandTests
{
    private IdxFixtures _files = null!;
    private string _name = null!;
    private string ExperimentDirectory => Path.Combine(AppContext.BaseDirectory, "experiments", _name);
    private string Baselines => Path.Combine(_files.Directory, "baselines");
    private string Out => Path.Combine(_files.Directory, "out");

    [SetUp]
    public void CreateExperiment()
    {
        _files = new IdxFixtures();
        _files.WriteDataset(train: 40, test: 20);
        _name = "tiny-" + TestContext.CurrentContext.Test.ID;
        Directory.CreateDirectory(ExperimentDirectory);
        File.WriteAllText(Path.Combine(ExperimentDirectory, "experiment.json"), $$"""
            { "name": "{{_name}}", "title": "tiny", "dataset": "mnist",
              "run": { "nValidation": 20, "epochs": 3, "batchSize": 8, "width": 8 },
              "grids": [ { "name": "g", "layers": [1, 2], "dropout": [0, 0.2], "nTrain": [40], "seeds": { "first": 1, "count": 4 } } ] }
            """);
        // Four seeds, five required: the claim is Inconclusive by construction, and registered so.
        File.WriteAllText(Path.Combine(ExperimentDirectory, "claims.json"), """
            { "minimumSeeds": 5, "claims": [ { "id": "deeper", "statement": "deeper overfits", "metric": "gap", "test": "trend",
              "axis": "layers", "direction": "increasing", "parts": [ { "where": { "dropout": 0 } } ],
              "expected": "inconclusive", "reason": "four seeds are fewer than the five a verdict needs" } ] }
            """);
    }

    [TearDown]
    public void Delete()
    {
        Directory.Delete(ExperimentDirectory, recursive: true);
        _files.Dispose();
    }

    private (int ExitCode, string Output) Reproduce(string? accept = null) => HarnessProcess.Run(
        new Dictionary<string, string?> { ["HARNESS_BASELINES_DIR"] = Baselines, ["HARNESS_ACCEPT"] = accept, ["CI"] = null },
        "reproduce", "--experiment", _name, "--data-dir", _files.Directory, "--out", Out);

    private Dictionary<string, byte[]> Outputs() =>
        new[] { MarkdownReport.FileName, HistoriesCsv.FileName, ClaimsJson.FileName }
            .ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(Out, _name, f)));

    [Test]
    public void Runs_end_to_end_deterministically_and_exits_by_what_holds()
    {
        var first = Reproduce();
        Assert.That(first.ExitCode, Is.EqualTo(1), "no baselines yet: " + first.Output);
        Assert.That(first.Output, Does.Contain("[  16/16]"), "plain progress lines when output is redirected");
        var firstOutputs = Outputs();
        Assert.That(Directory.GetFiles(Path.Combine(Out, _name, Figures.Folder)), Has.Length.EqualTo(2));
        Assert.That(File.Exists(Path.Combine(Out, _name, "timings.json")), Is.True);
        Assert.That(Directory.GetFiles(Path.Combine(Baselines, _name), "*.verified.json"), Is.Empty, "never accepted implicitly");

        var second = Reproduce();
        Assert.That(second.ExitCode, Is.EqualTo(1));
        Assert.That(Outputs(), Is.EqualTo(firstOutputs), "report.md, histories.csv and claims.json are byte-identical");

        Assert.That(Reproduce(accept: "1").ExitCode, Is.EqualTo(0), "accepting writes the baselines");
        var verified = Reproduce();
        Assert.That(verified.ExitCode, Is.EqualTo(0), verified.Output);
        Assert.That(File.ReadAllText(Path.Combine(Out, _name, MarkdownReport.FileName)),
            Does.Contain("All 16 runs are identical to their baselines, bit for bit.").And.Contain("**Everything holds**"));
    }

    [Test]
    public void Set_overrides_any_experiment_key_and_bad_values_name_the_key()
    {
        var (exitCode, output) = HarnessProcess.Run(new Dictionary<string, string?> { ["HARNESS_BASELINES_DIR"] = Baselines, ["CI"] = null },
            "reproduce", "--experiment", _name, "--data-dir", _files.Directory, "--out", Out, "--set", "grids:0:layers:1=0", "--set", "run:epochs=x");

        Assert.That(exitCode, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain("grids:0:layers:1: expected an integer in [1, 1000], found '0' (from command-line --set grids:0:layers:1=...)")
            .And.Contain("run:epochs: expected an integer >= 1, found 'x'"));
        Assert.That(Directory.Exists(Out), Is.False, "nothing written");

        var (ok, okOutput) = HarnessProcess.Run(new Dictionary<string, string?> { ["HARNESS_BASELINES_DIR"] = Baselines, ["CI"] = null },
            "reproduce", "--experiment", _name, "--data-dir", _files.Directory, "--out", Out, "--set", "grids:0:layers:0=3", "--set", "grids:0:seeds:count=2");
        Assert.That(okOutput, Does.Contain("[   8/8]").And.Contain("layers-3_dropout-0_n-40"), okOutput);
        Assert.That(ok, Is.EqualTo(1), "no baselines for these runs");
    }

    [Test]
    public void A_configuration_error_exits_2()
    {
        var (exitCode, output) = HarnessProcess.Run("reproduce", "--experiment", "no-such-experiment");
        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(output, Does.Contain("no-such-experiment").And.Contain("keras-tutorial-05"));
    }
}

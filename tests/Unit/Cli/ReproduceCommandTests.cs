using Harness.Report;

namespace Harness.Tests.Unit.Cli;

/// <summary>
/// <c>harness reproduce</c> end to end on a tiny synthetic experiment, in child processes: outputs are byte-identical
/// between runs, baselines are only written when asked, and the exit code says whether everything holds.
/// </summary>
public sealed class ReproduceCommandTests
{
    private TinyExperiment _experiment = null!;
    private string Out => _experiment.Out;
    private string Baselines => _experiment.Baselines;
    private string Name => _experiment.Name;

    [SetUp] public void CreateExperiment() => _experiment = new TinyExperiment();
    [TearDown] public void Delete() => _experiment.Dispose();

    private (int ExitCode, string Output) Reproduce(string? accept = null) => _experiment.Reproduce(accept);

    private Dictionary<string, byte[]> Outputs() => _experiment.Outputs();

    [Test]
    public void Runs_end_to_end_deterministically_and_exits_by_what_holds()
    {
        var first = Reproduce();
        Assert.That(first.ExitCode, Is.EqualTo(1), "no baselines yet: " + first.Output);
        Assert.That(first.Output, Does.Contain("[  16/16]"), "plain progress lines when output is redirected");
        var lines = first.Output.Split('\n');
        Assert.That(lines.Count(l => l.StartsWith('[') && l.Contains("/16] ")), Is.EqualTo(16), "a line per finished run, none per epoch");
        Assert.That(lines.Count(l => l.StartsWith($"{Name}: 16 of 16 runs done in ")), Is.EqualTo(1), "the heartbeat's closing line");
        var firstOutputs = Outputs();
        Assert.That(Directory.GetFiles(Path.Combine(Out, Name, Figures.Folder)), Has.Length.EqualTo(2));
        Assert.That(File.Exists(Path.Combine(Out, Name, "timings.json")), Is.True);
        Assert.That(Directory.GetFiles(Path.Combine(Baselines, Name), "*.verified.json"), Is.Empty, "never accepted implicitly");

        var second = Reproduce();
        Assert.That(second.ExitCode, Is.EqualTo(1));
        Assert.That(Outputs(), Is.EqualTo(firstOutputs), "report.md, histories.csv and claims.json are byte-identical");

        var accepted = Reproduce(accept: "1");
        Assert.That(accepted.ExitCode, Is.EqualTo(0), "accepting writes the baselines: " + accepted.Output);
        var verified = Reproduce();
        Assert.That(verified.ExitCode, Is.EqualTo(0), verified.Output);
        Assert.That(File.ReadAllText(Path.Combine(Out, Name, MarkdownReport.FileName)),
            Does.Contain("All 16 runs are identical to their baselines, bit for bit.")
                .And.Contain("**Nothing failed, but not everything was verified**: 1 of 1 claims were not evaluated (too few seeds: " +
                    "deeper needs ≥ 6 seeds to reach α = 0.05 (has 4)).")
                .And.Contain("### Not evaluated: deeper overfits"),
            "four seeds are too few for the claim (2·(½)⁴ = 0.125 > 0.05 within seeds of two depths): not a failure (exit 0), but " +
            "never \"everything holds\" either");
        // The run ends with the conclusions block dotnet test prints too, pointing at the page to open.
        Assert.That(verified.Output, Does.Contain($"Conclusions of {Name} (tiny), from 16 run(s):")
            .And.Contain("    ○ Not evaluated — deeper overfits (registered Inconclusive: too few seeds)")
            .And.Contain("  Exact tier: 16 of 16 histories verified bit for bit (numerics profile portable).")
            .And.Contain($"  Report: {Path.Combine(Out, Name, HtmlReport.FileName)} (and report.md"));
        Assert.That(File.Exists(Path.Combine(Out, Name, HtmlReport.FileName)), Is.True);
    }

    [Test]
    public void The_native_profile_is_deterministic_too_and_its_histories_are_not_compared_with_portable_baselines()
    {
        Assert.That(Reproduce(accept: "1").ExitCode, Is.EqualTo(0), "portable baselines");

        var first = _experiment.Reproduce(options: ["--numerics", "native"]);
        var firstOutputs = Outputs();
        var second = _experiment.Reproduce(options: ["--numerics", "native"]);

        Assert.That(first.Output, Does.Contain("numerics native"));
        Assert.That(Outputs(), Is.EqualTo(firstOutputs), "byte-identical across processes in the native profile as well");
        Assert.That(second.ExitCode, Is.EqualTo(0), "nothing failed: " + second.Output);
        Assert.That(File.ReadAllText(Path.Combine(Out, Name, MarkdownReport.FileName)),
            Does.Contain("**Nothing failed, but not everything was verified**: 16 of 16 histories could not be compared bit for bit; 1 " +
                "of 1 claims were not evaluated")
                .And.Contain("numerics: portable (baseline) vs native (current)")
                .And.Not.Contain("Everything holds"));
    }

    [Test]
    public void Set_overrides_any_experiment_key_and_bad_values_name_the_key()
    {
        var (exitCode, output) = HarnessProcess.Run(new Dictionary<string, string?> { ["CI"] = null },
            "reproduce", "--experiment", _experiment.ExperimentDirectory, "--baselines", Path.Combine(Baselines, Name), "--data-dir",
            _experiment.DataDirectory, "--out", Out, "--set", "grids:0:axes:layers:1=0", "--set", "run:epochs=x");

        Assert.That(exitCode, Is.EqualTo(2), output);
        Assert.That(output,
            Does.Contain("grids:0:axes:layers:1: expected an integer in [1, 1000], found '0' (from command-line " +
                "--set grids:0:axes:layers:1=...)")
            .And.Contain("run:epochs: expected an integer >= 1, found 'x'"));
        Assert.That(Directory.Exists(Out), Is.False, "nothing written");

        var (ok, okOutput) = HarnessProcess.Run(new Dictionary<string, string?> { ["CI"] = null },
            "reproduce", "--experiment", _experiment.ExperimentDirectory, "--baselines", Path.Combine(Baselines, Name), "--data-dir",
            _experiment.DataDirectory, "--out", Out, "--set", "grids:0:axes:layers:0=3", "--set", "grids:0:seeds:count=2");
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

using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Harness.Store;

namespace Harness.Tests.Unit.Cli;

/// <summary>
/// <c>harness reproduce</c> with a run store, end to end on the tiny experiment in child processes: stored runs are reused
/// and the report does not change; a broken entry is retrained; a killed reproduction resumes; <c>--verify</c> catches a
/// stored history whose bits were altered; <c>--no-store</c> leaves the store alone.
/// </summary>
public sealed partial class ReproduceStoreTests
{
    private const int Runs = 16;
    private TinyExperiment _experiment = null!;
    private RunStore _store = null!;

    [SetUp]
    public void CreateExperiment()
    {
        _experiment = new TinyExperiment();
        _experiment.Store = Path.Combine(_experiment.DataDirectory, "store");
        _store = new RunStore(_experiment.Store);
    }

    [TearDown] public void Delete() => _experiment.Dispose();

    [GeneratedRegex(@"Run store .*: (\d+) run\(s\) reused, (\d+) trained\.")]
    private static partial Regex CountsLine();

    private static (int Reused, int Trained) Counts(string output)
    {
        var match = CountsLine().Match(output);
        Assert.That(match.Success, Is.True, "the counts line: " + output);
        return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    private Dictionary<string, byte[]> StoreBytes() => _store.EntryPaths().ToDictionary(p => p, File.ReadAllBytes);

    [Test]
    public void A_second_reproduce_trains_nothing_and_writes_the_same_report_and_no_store_leaves_the_store_alone()
    {
        var cold = _experiment.Reproduce();
        Assert.That(Counts(cold.Output), Is.EqualTo((0, Runs)), cold.Output);
        Assert.That(_store.EntryPaths(), Has.Count.EqualTo(Runs));
        var outputs = _experiment.Outputs();
        var stored = StoreBytes();

        var warm = _experiment.Reproduce();
        Assert.That(Counts(warm.Output), Is.EqualTo((Runs, 0)), warm.Output);
        Assert.That(warm.Output, Does.Contain($"[  {Runs}/{Runs}]"), "stored runs count as done in the progress lines");
        Assert.That(warm.ExitCode, Is.EqualTo(cold.ExitCode));
        Assert.That(_experiment.Outputs(), Is.EqualTo(outputs), "report.md, histories.csv and claims.json are byte-identical");

        var bypassed = _experiment.Reproduce(options: ["--no-store"]);
        Assert.That(bypassed.Output, Does.Contain($"Run store not used: {Runs} run(s) trained."));
        Assert.That(_experiment.Outputs(), Is.EqualTo(outputs), "trained again, the same bytes");
        Assert.That(StoreBytes(), Is.EqualTo(stored), "--no-store neither wrote nor removed an entry");
    }

    [Test]
    public void A_truncated_or_garbage_entry_is_a_warning_and_a_retrain_that_rewrites_it()
    {
        _experiment.Reproduce();
        var (truncated, garbage) = (_store.EntryPaths()[0], _store.EntryPaths()[1]);
        var histories = new[] { truncated, garbage }.Select(p => StoreEntryJson.Parse(File.ReadAllText(p)).History).ToList();
        File.WriteAllText(truncated, File.ReadAllText(truncated)[..100]);
        File.WriteAllText(garbage, "garbage");

        var (exitCode, output) = _experiment.Reproduce();

        Assert.That(Counts(output), Is.EqualTo((Runs - 2, 2)), output);
        Assert.That(output,
            Does.Contain($"warning: run store: {truncated}: not a valid store entry")
                .And.Contain($"warning: run store: {garbage}: not a valid store entry"));
        Assert.That(exitCode, Is.EqualTo(1), "no baselines, as before: the broken entries were not an error");
        for (var i = 0; i < 2; i++)
            Assert.That(StoreEntryJson.Parse(File.ReadAllText(new[] { truncated, garbage }[i])).History.SameAs(histories[i]), Is.True,
                "rewritten, with the same bits");
    }

    [Test]
    public void Verify_retrains_stored_runs_and_fails_naming_one_whose_bits_were_altered()
    {
        Assert.That(_experiment.Reproduce(accept: "1").ExitCode, Is.EqualTo(0), "baselines and a full store");

        var verified = _experiment.Reproduce(options: ["--verify", "3"]);
        Assert.That(verified.ExitCode, Is.EqualTo(0), verified.Output);
        Assert.That(verified.Output,
            Does.Match(@"retraining 3 of the 16 run\(s\) reused from it \(draw seed \d+; --verify-seed \d+ repeats it\)")
            .And.Contain("Verified: all 3 retrained run(s) are identical to their stored histories, bit for bit."));

        var path = _store.EntryPaths()[5];
        var entry = JsonNode.Parse(File.ReadAllText(path))!;
        var runId = entry["result"]!["runId"]!.GetValue<string>();
        var valLoss = entry["result"]!["history"]!["val_loss"]!.AsArray();
        valLoss[1] = Math.BitIncrement(valLoss[1]!.GetValue<double>());
        File.WriteAllText(path, entry.ToJsonString());

        var (exitCode, output) = _experiment.Reproduce(options: ["--verify", "100"]);
        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("retraining 16 of the 16 run(s)")
            .And.Contain($"error: --verify: {runId}: the stored history differs from a retrain (val_loss at epoch 2: stored"));
        Assert.That(Regex.Matches(output, "error: --verify:").Count, Is.EqualTo(1), "only the altered run: " + output);

        // The exact tier, too, tells a bad entry from a nondeterministic training, and mends the entry.
        var report = File.ReadAllText(Path.Combine(_experiment.Out, _experiment.Name, Harness.Report.MarkdownReport.FileName));
        Assert.That(report,
            Does.Contain($"Run store fault: the result of {runId} was read from {path}, and a training in this " +
                "process matches the baseline"));
        var mended = _experiment.Reproduce();
        Assert.That(mended.ExitCode, Is.EqualTo(0), "the entry was replaced by the fresh training: " + mended.Output);
    }

    [Test]
    public void A_reproduce_killed_mid_run_leaves_only_whole_entries_and_the_next_resumes_to_the_same_outputs()
    {
        // Long enough runs, one at a time, so the kill lands while some are stored and others are not.
        string[] options = ["--workers", "1", "--set", "run:epochs=200"];
        var environment = new Dictionary<string, string?> { ["CI"] = null, [StoreLocation.Variable] = _experiment.Store };
        using (var process = HarnessProcess.Start(environment, [], _experiment.Arguments(options)))
        {
            process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
            process.StandardError.BaseStream.CopyToAsync(Stream.Null);
            var clock = Stopwatch.StartNew();
            while (_store.EntryPaths().Count == 0 && !process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(3)) Thread.Sleep(20);
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        var kept = _store.EntryPaths();
        if (kept.Count is 0 or Runs)
            NotRun.Because($"the kill did not land mid-reproduction ({kept.Count} of {Runs} runs stored)",
                "run it again; if it recurs, the 200-epoch runs finish too fast for the kill on this machine: raise run:epochs");
        foreach (var path in kept)
            Assert.That(_store.Read(Path.GetFileNameWithoutExtension(path)).Problem, Is.Null, "every entry a killed process left is whole");

        var resumed = _experiment.Reproduce(options: options);
        Assert.That(Counts(resumed.Output), Is.EqualTo((kept.Count, Runs - kept.Count)),
            "only the missing runs trained: " + resumed.Output);
        var outputs = _experiment.Outputs();

        var uninterrupted = _experiment.Reproduce(options: [.. options, "--no-store"]);
        Assert.That(uninterrupted.ExitCode, Is.EqualTo(resumed.ExitCode));
        Assert.That(_experiment.Outputs(), Is.EqualTo(outputs), "the resumed reproduction wrote what an uninterrupted one writes");
    }

    [Test]
    public void No_store_does_not_combine_with_the_store_options()
    {
        var (exitCode, output) = _experiment.Reproduce(options: ["--no-store", "--verify", "2", "--store", "/tmp/x"]);
        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(output, Does.Contain("--verify: not with --no-store").And.Contain("--store: not with --no-store"));
    }
}

using System.Text.Json.Nodes;
using Harness.Store;

namespace Harness.Tests.Unit.Cli;

/// <summary>
/// <c>reproduce --shard i/N</c> and <c>--from DIR …</c> end to end on the tiny experiment, in child processes: two shards
/// train into two stores, and merging them writes the same bytes as one unsharded reproduction; a run missing, stored
/// twice with different bits, or stored from an incomparable environment is named in the merge's error.
/// </summary>
public sealed class ReproduceShardTests
{
    private TinyExperiment _experiment = null!;
    private string First => Path.Combine(_experiment.DataDirectory, "shard-1");
    private string Second => Path.Combine(_experiment.DataDirectory, "shard-2");

    [SetUp] public void CreateExperiment() => _experiment = new TinyExperiment();
    [TearDown] public void Delete() => _experiment.Dispose();

    private void TrainShards()
    {
        var one = _experiment.Reproduce(options: ["--store", First, "--shard", "1/2"]);
        var two = _experiment.Reproduce(options: ["--store", Second, "--shard", "2/2"]);
        Assert.That((one.ExitCode, two.ExitCode), Is.EqualTo((0, 0)), one.Output + two.Output);
        Assert.That(one.Output, Does.Match(@"Shard 1/2: \d+ of 16 runs"));
    }

    [Test]
    public void Two_shards_merged_give_the_bytes_of_an_unsharded_reproduction()
    {
        Assert.That(_experiment.Reproduce(accept: "1").ExitCode, Is.EqualTo(0), "baselines");
        var whole = _experiment.Reproduce(options: ["--no-store"]);
        var expected = _experiment.Outputs();

        TrainShards();
        var (first, second) = (new RunStore(First).EntryPaths().Count, new RunStore(Second).EntryPaths().Count);
        Assert.That(first + second, Is.EqualTo(16), "every run in exactly one shard");
        Assert.That(first, Is.InRange(4, 12), "both shards get work");

        var merged = _experiment.Reproduce(options: ["--from", First, "--from", Second]);
        Assert.That(merged.ExitCode, Is.EqualTo(whole.ExitCode), merged.Output);
        Assert.That(merged.Output, Does.Contain("Evaluating from 2 run store(s), training nothing"));
        Assert.That(_experiment.Outputs(), Is.EqualTo(expected),
            "report.md, histories.csv and claims.json byte-identical to the unsharded run");
    }

    [Test]
    public void A_missing_run_a_run_with_two_different_histories_and_an_incomparable_one_are_each_named()
    {
        TrainShards();
        Assert.That(File.Exists(Path.Combine(_experiment.Out, _experiment.Name, Harness.Report.MarkdownReport.FileName)),
            Is.False, "a shard writes no report");
        var firstStore = new RunStore(First);
        var entries = firstStore.EntryPaths();

        // Missing: one entry of shard 1 deleted.
        var missing = JsonNode.Parse(File.ReadAllText(entries[0]))!["result"]!["runId"]!.GetValue<string>();
        File.Delete(entries[0]);

        // Two histories: an entry of shard 1 copied into shard 2 with one value nudged.
        var duplicated = JsonNode.Parse(File.ReadAllText(entries[1]))!;
        var duplicatedId = duplicated["result"]!["runId"]!.GetValue<string>();
        var valLoss = duplicated["result"]!["history"]!["val_loss"]!.AsArray();
        valLoss[0] = valLoss[0]!.GetValue<double>() + 1e-6;
        var copy = Path.Combine(Second, Path.GetRelativePath(First, entries[1]));
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.WriteAllText(copy, duplicated.ToJsonString());

        // Incomparable: an entry re-keyed as if another build of the training code had made it.
        var foreign = JsonNode.Parse(File.ReadAllText(entries[2]))!;
        var foreignId = foreign["result"]!["runId"]!.GetValue<string>();
        foreign["inputs"]!["code"] = "0000000000000000000000000000000000000000000000000000000000000000";
        var key = RunKey.FromInputs(Harness.IO.DeterministicJson.Write(json => foreign["inputs"]!.WriteTo(json)));
        foreign["key"] = key.Hash;
        File.Delete(entries[2]);
        Directory.CreateDirectory(Path.GetDirectoryName(firstStore.PathOf(key.Hash))!);
        File.WriteAllText(firstStore.PathOf(key.Hash), foreign.ToJsonString());

        var merged = _experiment.Reproduce(options: ["--from", First, "--from", Second]);
        Assert.That(merged.ExitCode, Is.EqualTo(2), merged.Output);
        Assert.That(merged.Output, Does.Contain($"--from: {missing}: missing from every store"));
        Assert.That(merged.Output, Does.Contain($"--from: {duplicatedId}: stored with different bits in"));
        Assert.That(merged.Output,
            Does.Contain($"--from: {foreignId}: stored only from an incomparable environment").And.Contain("differs in code (here"));
    }

    [Test]
    public void Shard_and_from_refuse_what_they_cannot_do()
    {
        var bad = _experiment.Reproduce(options: ["--shard", "3/2"]);
        Assert.That(bad.ExitCode, Is.EqualTo(2));
        Assert.That(bad.Output, Does.Contain("--shard: expected i/N with 1 <= i <= N (e.g. 1/2), or auto, found '3/2'"));

        var both = _experiment.Reproduce(options: ["--from", _experiment.DataDirectory, "--decide", "--store", First]);
        Assert.That(both.ExitCode, Is.EqualTo(2));
        Assert.That(both.Output, Does.Contain("--decide: not with --from").And.Contain("--store: not with --from"));
    }

    [Test]
    public void Verify_with_from_retrains_runs_read_from_the_merged_stores_and_names_one_whose_bits_differ()
    {
        Assert.That(_experiment.Reproduce(options: ["--store", First]).Output, Does.Contain("0 run(s) reused, 16 trained"));
        var path = new RunStore(First).EntryPaths()[5];
        var entry = JsonNode.Parse(File.ReadAllText(path))!;
        var runId = entry["result"]!["runId"]!.GetValue<string>();
        var valLoss = entry["result"]!["history"]!["val_loss"]!.AsArray();
        valLoss[1] = Math.BitIncrement(valLoss[1]!.GetValue<double>());
        File.WriteAllText(path, entry.ToJsonString());

        var (exitCode, output) = _experiment.Reproduce(options: ["--from", First, "--verify", "100"]);
        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.Match(@"Verifying the run stores: retraining 16 of the 16 run\(s\) reused from them \(draw seed \d+")
            .And.Contain($"error: --verify: {runId}: the stored history differs from a retrain (val_loss at epoch 2: stored")
            .And.Contain($"; entry {path}"));
        Assert.That(System.Text.RegularExpressions.Regex.Matches(output, "error: --verify:").Count, Is.EqualTo(1),
            "only the altered run: " + output);
    }
}

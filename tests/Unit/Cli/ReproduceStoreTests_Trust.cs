using System.Diagnostics;
using System.Text.Json.Nodes;
using Harness.Store;

namespace Harness.Tests.Unit.Cli;

/// <summary>The run store's trust, end to end: an entry whose result was edited apart from its key is retrained from the
/// store and refused from merged stores; two processes sharing a store train each run once.</summary>
public sealed partial class ReproduceStoreTests
{
    [Test]
    public void A_history_edited_with_its_fingerprint_is_a_warning_and_a_retrain_from_the_store_and_an_error_from_merged_stores()
    {
        Assert.That(_experiment.Reproduce(accept: "1").ExitCode, Is.EqualTo(0), "baselines and a full store");
        var path = _store.EntryPaths()[3];
        var original = StoreEntryJson.Parse(File.ReadAllText(path)).History;
        var entry = JsonNode.Parse(File.ReadAllText(path))!;
        var runId = entry["result"]!["runId"]!.GetValue<string>();
        var valLoss = entry["result"]!["history"]!["val_loss"]!.AsArray();
        valLoss[1] = valLoss[1]!.GetValue<double>() / 2;
        // As if another MKL had trained it: the exact tier would call the run "not comparable" rather than fail it.
        var mkl = entry["result"]!["fingerprint"]!["mkl"]!.GetValue<string>();
        entry["result"]!["fingerprint"]!["mkl"] = "2024.2 Build 20240601";
        File.WriteAllText(path, entry.ToJsonString());
        var says = $"{path}: its result is not the run of its key: result.fingerprint.mkl is \"2024.2 Build 20240601\" " +
            $"where its inputs say \"{mkl}\"";

        var merged = _experiment.Reproduce(options: ["--from", _experiment.Store!]);
        Assert.That(merged.ExitCode, Is.EqualTo(2), merged.Output);
        Assert.That(merged.Output, Does.Contain($"--from: {runId}: {says}"));

        var (exitCode, output) = _experiment.Reproduce();
        Assert.That(output, Does.Contain($"warning: run store: {says}; training {runId} again"));
        Assert.That(Counts(output), Is.EqualTo((Runs - 1, 1)), output);
        Assert.That(exitCode, Is.EqualTo(0), "retrained, the exact tier verifies it against its baseline: " + output);
        Assert.That(output, Does.Not.Contain("could not be compared"), "every history compared bit for bit");
        Assert.That(StoreEntryJson.Parse(File.ReadAllText(path)).History.SameAs(original), Is.True,
            "the entry was replaced by the retrain");
    }

    [Test]
    public void Two_reproductions_sharing_a_store_train_each_run_once()
    {
        // Runs long enough that the two processes overlap, and each its own report folder.
        var environment = new Dictionary<string, string?> { ["CI"] = null, [StoreLocation.Variable] = _experiment.Store };
        var processes = new[] { "out-a", "out-b" }.Select(folder =>
        {
            var arguments = _experiment.Arguments("--set", "run:epochs=100");
            arguments[Array.IndexOf(arguments, "--out") + 1] = Path.Combine(_experiment.DataDirectory, folder);
            return HarnessProcess.Start(environment, [], arguments);
        }).ToList();
        var clock = Stopwatch.StartNew();
        var outputs = processes.Select(p => (Out: p.StandardOutput.ReadToEndAsync(), Error: p.StandardError.ReadToEndAsync())).ToList();
        foreach (var process in processes) process.WaitForExit();
        var texts = outputs.Select(o => o.Out.Result + o.Error.Result).ToList();
        var entryText = File.ReadAllText(_store.EntryPaths()[0]);
        var history =
            entryText.IndexOf("\"seconds\"", StringComparison.Ordinal) - entryText.IndexOf("\"history\"", StringComparison.Ordinal);
        TestContext.Progress.WriteLine($"[harness] two reproductions sharing a store: {clock.Elapsed.TotalSeconds:0.0} s; an entry of a " +
                                       $"100-epoch run: {entryText.Length} bytes, of which the history {history}");

        var counts = texts.Select(Counts).ToList();
        Assert.That(counts.Sum(c => c.Trained), Is.EqualTo(Runs), string.Join("\n----\n", texts));
        Assert.That(counts.Select(c => c.Reused + c.Trained), Is.All.EqualTo(Runs));
        Assert.That(counts.Select(c => c.Trained), Is.All.GreaterThan(0),
            "both trained some: the lock let the other go on with other runs");
        Assert.That(processes.Select(p => p.ExitCode), Is.EqualTo(new[] { 1, 1 }), "no baselines, as before");
        Assert.That(_store.EntryPaths(), Has.Count.EqualTo(Runs));
        Assert.That(Directory.EnumerateFiles(_experiment.Store!, "*.lock", SearchOption.AllDirectories), Is.Empty, "every lock released");
        var reports =
            new[] { "out-a",
                "out-b" }.Select(f => File.ReadAllText(Path.Combine(_experiment.DataDirectory, f, _experiment.Name, "histories.csv")))
                    .ToList();
        Assert.That(reports[1], Is.EqualTo(reports[0]), "the same histories, trained here or read from the other");
        foreach (var process in processes) process.Dispose();
    }
}

using System.Diagnostics;
using System.Text.Json.Nodes;
using Harness.Config;
using Harness.History;
using Harness.Store;
using static Harness.Tests.Unit.Store.StoreFixtures;

namespace Harness.Tests.Unit.Store;

/// <summary>
/// What the store does not take on trust: an entry whose result is not the run of its key (one check, <see
/// cref="RunStore.Read(RunKey, Harness.Settings.RunConfig)"/>, for the store and for merged stores alike), a file under
/// an entry's name that is not a regular file of sane size, a fingerprint field that no profile has.
/// </summary>
public sealed class EntryTrustTests
{
    private string _root = null!;
    private RunStore _store = null!;
    private RunKey Key => RunKey.For(BaseRun, Context);

    [SetUp] public void Create() => _store = new RunStore(_root = TestScratch.Path("harness-trust"));
    [TearDown] public void Delete() { if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true); }

    /// <summary>Writes the entry of <see cref="BaseRun"/>, edited; returns its path.</summary>
    private string Doctor(Action<JsonNode> edit)
    {
        var path = _store.Write(Key, Result());
        var entry = JsonNode.Parse(File.ReadAllText(path))!;
        edit(entry);
        File.WriteAllText(path, entry.ToJsonString());
        return path;
    }

    private static readonly Dictionary<string, (Action<JsonNode> Edit, string Says)> Doctorings = new()
    {
        ["history-and-its-fingerprint"] = (e =>
        {
            // A run made to look as if another MKL had trained it, so that the exact tier would call it "not comparable".
            e["result"]!["history"]!["val_loss"]![1] = 0.125;
            e["result"]!["fingerprint"]!["mkl"] = "2024.2 Build 20240601";
        }, "result.fingerprint.mkl is \"2024.2 Build 20240601\" where its inputs say \"2025.0 Build 20250101\""),
        ["config"] = (e => e["result"]!["config"]!["dropout"] = 0.5, "result.config.dropout is 0.5 where its inputs say 0"),
        ["run-id"] = (e => e["result"]!["runId"] = "layers-9", $"its result is of run layers-9, not {BaseRun.RunId}"),
        ["one-epoch"] = (e =>
        {
            foreach (var metric in TrainingHistory.MetricNames) e["result"]!["history"]![metric]!.AsArray().RemoveAt(1);
        }, "its history has 1 epoch(s) where the run has 2"),
    };

    [TestCase("history-and-its-fingerprint")]
    [TestCase("config")]
    [TestCase("run-id")]
    [TestCase("one-epoch")]
    public void An_entry_whose_result_is_not_the_run_of_its_key_is_no_result_with_what_differs(string doctoring)
    {
        var (edit, says) = Doctorings[doctoring];
        var path = Doctor(edit);
        Assert.That(_store.Read(Key.Hash).Problem, Is.Null, "a whole entry of its key: only its binding to the run is wrong");

        var (result, problem) = _store.Read(Key, BaseRun);
        Assert.That(result, Is.Null);
        Assert.That(problem, Is.EqualTo($"{path}: its result is not the run of its key: {says}"));

        var warnings = new StringWriter();
        var stored = new StoredRuns(_store, Context, warnings);
        Assert.That(stored.Find(BaseRun), Is.Null, "the store retrains it");
        Assert.That(warnings.ToString(), Is.EqualTo($"warning: run store: {problem}; training {BaseRun.RunId} again\n"));
        stored.Find(BaseRun);
        Assert.That(warnings.ToString(), Does.Not.Contain("again\nwarning"), "said once, however often it is looked up");
    }

    [Test]
    public void A_bound_entry_is_the_runs_result()
    {
        _store.Write(Key, Result());
        var (result, problem) = _store.Read(Key, BaseRun);
        Assert.That(problem, Is.Null);
        Assert.That(result!.History.SameAs(Result().History), Is.True);
    }

    [Test]
    public void A_numerics_profile_no_one_has_is_an_invalid_entry_naming_the_field()
    {
        var path = Doctor(e => e["result"]!["fingerprint"]!["numerics"] = "bogus");
        Assert.That(_store.Read(Key.Hash).Problem,
            Is.EqualTo($"{path}: not a valid store entry: 'result.fingerprint.numerics': expected portable or native, found 'bogus'"));
    }

    [Test]
    public void A_link_a_fifo_and_an_oversized_file_are_not_read_and_say_what_was_found()
    {
        var path = _store.PathOf(Key.Hash);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        File.CreateSymbolicLink(path, "/dev/zero");
        Assert.That(_store.Read(Key.Hash).Problem,
            Is.EqualTo($"{path}: is a symbolic link (to /dev/zero), not an entry file; the run store never follows links"));
        File.Delete(path);

        using (var mkfifo = Process.Start("mkfifo", path)) mkfifo.WaitForExit();
        var read = Task.Run(() => _store.Read(Key.Hash));
        Assert.That(read.Wait(TimeSpan.FromSeconds(10)), Is.True, "a FIFO is never opened, so nothing blocks");
        Assert.That(read.Result.Problem,
            Is.EqualTo($"{path}: is 0 bytes: empty, or not a regular file (a FIFO, a device or a socket); not opened"));
        File.Delete(path);

        using (var sparse = File.Create(path)) sparse.SetLength(EntryFileLimit + 1);
        Assert.That(_store.Read(Key.Hash).Problem,
            Is.EqualTo($"{path}: is {EntryFileLimit + 1} bytes, more than the 16 MiB an entry may hold (a real " +
                "one holds a few KB); not read"));
    }

    private const long EntryFileLimit = 16 << 20;

    [Test]
    public void Merged_stores_refuse_a_linked_a_one_epoch_and_a_bogus_numerics_entry_naming_each_file()
    {
        var runs = new[] { BaseRun with { Seed = 1 }, BaseRun with { Seed = 2 }, BaseRun with { Seed = 3 } };
        var keys = runs.Select(r => RunKey.For(r, Context)).ToArray();
        foreach (var (run, key) in runs.Zip(keys)) _store.Write(key, Result(run));

        var linked = _store.PathOf(keys[0].Hash);
        File.Delete(linked);
        File.CreateSymbolicLink(linked, "/dev/zero");
        var shortened = _store.PathOf(keys[1].Hash);
        _store.Write(keys[1], new RunResult(runs[1], Fingerprint, new TrainingHistory([0.5], [0.75], [0.625], [0.5]), 1));
        var bogus = _store.PathOf(keys[2].Hash);
        var entry = JsonNode.Parse(File.ReadAllText(bogus))!;
        entry["result"]!["fingerprint"]!["numerics"] = "bogus";
        File.WriteAllText(bogus, entry.ToJsonString());

        var error = Assert.Throws<ConfigurationException>(() => MergedStores.Open([_store], runs, Context))!;
        Assert.That(error.Errors, Is.EqualTo(new[]
        {
            $"--from: {runs[0].RunId}: {linked}: is a symbolic link (to /dev/zero), not an entry file; the run store never follows links",
            $"--from: {runs[1].RunId}: {shortened}: its result is not the run of its key: its history has 1 epoch(s) where the run has 2",
            $"--from: {runs[2].RunId}: {bogus}: not a valid store entry: 'result.fingerprint.numerics': expected " +
            "portable or native, found 'bogus'",
        }));
    }

    [Test]
    public void The_entry_of_a_declared_model_is_read_back_as_its_run_and_an_edited_layer_is_caught()
    {
        var model = new Harness.Settings.Layers.ModelSpec([
            new Harness.Settings.Layers.Conv2D("conv2d_1", 4, (3, 3), (1, 1), "valid", "relu"),
            new Harness.Settings.Layers.Flatten("flatten_1"),
            new Harness.Settings.Layers.Dense("dense_1", 10, "softmax"),
        ]);
        var run = new Harness.Settings.RunConfig { Model = model, Epochs = 2 };
        var key = RunKey.For(run, Context);
        var path = _store.Write(key, Result(run));

        // The layer list sits deeper in the result's config than in the inputs' (other indentation): the same layers all the same.
        Assert.That(_store.Read(key, run).Problem, Is.Null);

        var entry = JsonNode.Parse(File.ReadAllText(path))!;
        entry["result"]!["config"]!["model"]![0]!["config"]!["filters"] = 8;
        File.WriteAllText(path, entry.ToJsonString());
        Assert.That(_store.Read(key, run).Problem, Does.Contain("result.config.model is"));
    }
}

namespace Harness.Tests.Unit.Cli;

/// <summary>
/// Every bad input the hardening probes found ending in a .NET stack trace, fed to the real program as a child process:
/// each must end in the exit code the README promises (2 for a usage or configuration error, with an <c>error:</c> line
/// naming the file, key or option; 1 for a failure, named in the conclusions and a report still written), and no stack
/// trace. Where the input is known before training, nothing
/// trains: the report folder is never made.
/// </summary>
[TestFixture, Parallelizable(ParallelScope.Children)]
public sealed class BadInputTests
{
    /// <param name="Says">What the error line must contain: the file, key or option, and what was wrong.</param>
    public sealed record BadInput(string Name, Action<ProbeExperiment> Arrange, Func<ProbeExperiment, string[]> Arguments,
        int ExitCode, params string[] Says)
    {
        /// <summary>Variables to set in the child's environment, beyond the test's.</summary>
        public Func<ProbeExperiment, Dictionary<string, string?>> Environment { get; init; } = _ => [];

        public override string ToString() => Name;
    }

    private static readonly Dictionary<string, object> NoChange = [];

    public static IEnumerable<TestCaseData> Cases() => new BadInput[]
    {
        new("an IDX file with 0 items", p => p.WriteData(train: 0), p => p.Reproduce(), 2,
            "train-images-idx3-ubyte holds 0 images"),
        new("images shaped [64,0,0]", p => p.WriteData(train: 64, trainShape: [0, 0]), p => p.Reproduce(), 2,
            "train-images-idx3-ubyte has images of shape [0, 0], with no pixels"),
        new("train and test images of different shapes", p => p.WriteData(testShape: [3, 3]), p => p.Reproduce(), 2,
            "t10k-images-idx3-ubyte has images of shape [3, 3], but", "expected the same shape in both"),
        new("a training label of 255", p => p.WriteData(fifthLabel: 255), p => p.Reproduce(), 2,
            "train-labels-idx1-ubyte: label 255 at item 5; expected labels 0 to 3"),
        new("seeds first 2147483647, count 2",
            p => p.WriteDefinition(seeds: new { first = int.MaxValue, count = 2 }), p => p.Reproduce(), 2,
            "grids:0:seeds: seeds 2147483647 to 2147483648 go past the largest seed"),
        new("1000 layers × width 100000",
            p => p.WriteDefinition(new() { ["width"] = 100000 }, axes: new { layers = new[] { 1000 }, nTrain = new[] { 40 } }),
            p => p.Reproduce(), 2, "experiment.json: run layers-1000_", "(set by layers, width)", "of memory available"),
        new("width 2³¹−1", p => p.WriteDefinition(new() { ["width"] = int.MaxValue }), p => p.Reproduce(), 2,
            "width-2147483647_seed-1 needs about", "of memory available"),
        new("epochs 2e9", p => p.WriteDefinition(new() { ["epochs"] = 2_000_000_000 }), p => p.Reproduce(), 2,
            "history", "(set by epochs)", "of memory available"),
        new("--shard 1/2147483647", _ => { }, p => p.Reproduce("--shard", "1/2147483647", "--store", p.Store), 2,
            "--shard: 1/2147483647 splits probe's 2 runs into more shards than runs; expected N <= 2"),
        new("a published run with an empty history",
            p => p.WriteFile("published.json",
                """{ "runs": [ { "layers": 1, "nTrain": 40, "history": { "loss": [], "acc": [], "val_loss": [], "val_acc": [] } } ] }"""),
            p => p.Reproduce(), 2, "published.json: runs[0].history: expected", "(at least one epoch)"),
        new("--store \"\"", _ => { }, p => p.Reproduce("--store", ""), 2, "--store: expected a path, found ''"),
        new("--data-dir \"\"", _ => { }, p => ["reproduce", "--experiment", p.Folder, "--data-dir", "", "--out", p.Out], 2,
            "--data-dir: expected a path, found ''"),
        new("experiment.json that is not JSON",
            p => p.WriteFile("experiment.json", "{ \"name\": \"probe\",\n  \"title\": oops }"), p => p.Reproduce(), 2,
            "experiment.json:2:12: not valid JSON: 'o' is an invalid start of a value."),
        new("accept --run with a path", _ => { },
            p => ["accept", "--experiment", p.Folder, "--baselines", p.Baselines, "--run", "../elsewhere/x"], 2,
            "--run: expected a run id", "found '../elsewhere/x'"),
        new("run --epochs 2e9", _ => { },
            p => ["run", "--data-dir", p.Data, "--out", p.Out, "--epochs", "2000000000", "--n-train", "40", "--n-validation", "20"], 2,
            "epochs-2000000000_seed-1 needs about", "(set by epochs)"),
        new("--workers 100000", _ => { }, p => p.Reproduce("--workers", "100000"), 2,
            "--workers: expected an integer in [1, 256], found '100000'"),
        new("--decide --max-seeds 2147483647", _ => { }, p => p.Reproduce("--decide", "--max-seeds", "2147483647"), 2,
            "--max-seeds: expected an integer in [2, 10000], found '2147483647'"),
        new("--verify with a bad --verify-seed", _ => { }, p => p.Reproduce("--verify", "1", "--verify-seed", "x", "--store", p.Store), 2,
            "--verify-seed: expected an integer >= 0, found 'x'"),
        new("--baselines naming a file", _ => { },
            p => ["reproduce", "--experiment", p.Folder, "--data-dir", p.Data, "--out", p.Out, "--baselines",
                Path.Combine(p.Folder, "experiment.json")], 2,
            "--baselines: expected a folder (existing or not), found the file"),
        // The runs diverge (SGD at lr 1e30 on PyTorch's unclipped loss; Keras's clipped loss stays finite even at 1e12 on this
        // tiny data): failed runs in a report that is still written.
        new("a diverged run", _ => { },
            p => p.Reproduce("--set", "run:semantics=pytorch", "--set", "run:optimizer=sgd", "--set", "run:learningRate=1e30"), 1,
            "diverged: loss is NaN"),
        // The run store's entries, edited after a shard job stored them, then merged with --from: each is named, nothing crashes.
        new("a store entry whose history and fingerprint were edited together", p => p.EditEntry(e =>
            {
                e["result"]!["history"]!["val_loss"]![1] = 0.5;
                e["result"]!["fingerprint"]!["mkl"] = "2024.2 Build 20240601";
            }), p => p.Reproduce("--from", p.Store), 2,
            "--from: ", "its result is not the run of its key: result.fingerprint.mkl is \"2024.2 Build 20240601\""),
        new("a store entry with numerics 'bogus'", p => p.EditEntry(e => e["result"]!["fingerprint"]!["numerics"] = "bogus"),
            p => p.Reproduce("--from", p.Store), 2, "'result.fingerprint.numerics': expected portable or native, found 'bogus'"),
        new("a one-epoch store entry", p => p.EditEntry(e =>
            {
                foreach (var metric in new[] { "loss", "acc", "val_loss", "val_acc" }) e["result"]!["history"]![metric]!.AsArray()
                    .RemoveAt(1);
            }), p => p.Reproduce("--from", p.Store), 2, "its history has 1 epoch(s) where the run has 2"),
        new("a store entry that is a link to /dev/zero", p =>
            {
                var path = p.FillStore();
                File.Delete(path);
                File.CreateSymbolicLink(path, "/dev/zero");
            }, p => p.Reproduce("--from", p.Store), 2, "is a symbolic link (to /dev/zero), not an entry file"),
        // A fresh shim cache, so the shim must be built (this machine's libstdc++ lacks GLIBCXX_3.4.32), and a PATH without g++.
        new("no g++ on PATH", p => Directory.CreateDirectory(Path.Combine(p.Root, "empty-path")), p => p.Reproduce(), 2,
            "g++", "apt-get install g++")
        {
            Environment = p =>
                new() { ["PATH"] = Path.Combine(p.Root, "empty-path"),
                    [Harness.Native.NativeCache.Variable] = Path.Combine(p.Root, "native") },
        },
    }.Select(c => new TestCaseData(c).SetArgDisplayNames(c.Name));

    [TestCaseSource(nameof(Cases))]
    public void Exits_with_an_error_naming_what_is_wrong_and_no_stack_trace(BadInput input)
    {
        using var probe = new ProbeExperiment();
        input.Arrange(probe);

        var environment = input.Environment(probe);
        // With PATH replaced, dotnet is found by path: env runs it (the emulator slot names the host program by path).
        var (exitCode, output) = HarnessProcess.Run(environment, environment.ContainsKey("PATH") ? ["env"] : [], input.Arguments(probe));

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(input.ExitCode), output);
            foreach (var text in input.Says) Assert.That(output, Does.Contain(text));
            // A usage or configuration error is an error line; a failure (exit 1) is named in the conclusions and the report.
            if (input.ExitCode == 2) Assert.That(output, Does.Contain("error: "));
            Assert.That(output, Does.Not.Contain("Unhandled exception").And.Not.Match(@"(?m)^\s+at \S+\("), "no stack trace");
        });
        if (input.ExitCode == 2) Assert.That(Path.Combine(probe.Out, "probe"), Does.Not.Exist,
            "refused before anything trained or was written");
        else Assert.That(Path.Combine(probe.Out, "probe", "report.md"), Does.Exist, "a failure, with its report");
    }
}

using Harness.Report;

namespace Harness.Tests;

/// <summary>
/// A tiny synthetic experiment (2×2 images, 3 classes, width 8; 16 runs of 3 epochs): its folder, data and baselines in a
/// temporary directory (never beside the program, where a folder left by a killed test would become a shipped
/// experiment), and <c>harness reproduce --experiment PATH</c> run on it in a child process.
/// </summary>
internal sealed class TinyExperiment : IDisposable
{
    private readonly IdxFixtures _files;

    public TinyExperiment()
    {
        _files = new IdxFixtures();
        _files.WriteDataset(train: 40, test: 20);
        Name = TestScratch.Name("tiny");
        Directory.CreateDirectory(ExperimentDirectory);
        File.WriteAllText(Path.Combine(ExperimentDirectory, "experiment.json"), $$"""
            { "name": "{{Name}}", "title": "tiny", "dataset": "mnist",
              "run": { "nValidation": 20, "epochs": 3, "batchSize": 8, "width": 8 },
              "grids": [ { "name": "g", "axes": { "layers": [1, 2], "dropout": [0, 0.2], "nTrain": [40] }, "seeds": { "first": 1, "count": 4 } } ],
              "figures": { "columns": "dropout", "lines": "layers" } }
            """);
        // Four seeds of two depths: permuting within seeds gives at best p = 2·(½)⁴ = 0.125, so the trend cannot reach
        // α = 0.05 and the claim is not evaluated by construction, which is not a failure.
        File.WriteAllText(Path.Combine(ExperimentDirectory, "claims.json"), """
            { "claims": [ { "id": "deeper", "statement": "deeper overfits", "metric": "gap", "test": "trend",
              "axis": "layers", "direction": "increasing", "parts": [ { "where": { "dropout": 0 } } ],
              "expected": { "verdict": "inconclusive", "kind": "preregistered", "date": "2026-11-27", "commit": "954ca9a" }, "reason": "four seeds of two depths cannot reach alpha" } ] }
            """);
    }

    public string Name { get; }
    public string DataDirectory => _files.Directory;
    public string ExperimentDirectory => Path.Combine(_files.Directory, Name);
    public string Baselines => Path.Combine(_files.Directory, "baselines");
    public string Out => Path.Combine(_files.Directory, "out");

    /// <summary>The run store <see cref="Reproduce"/> uses, or null for none (the default: each reproduction trains).</summary>
    public string? Store { get; set; }

    /// <summary><c>harness reproduce</c> on the experiment, with the given extra options, natively or on an emulated CPU.</summary>
    public (int ExitCode, string Output) Reproduce(string? accept = null, string? emulatedCpu = null, params string[] options)
    {
        var environment = Variables(accept);
        return emulatedCpu is null ? HarnessProcess.Run(environment, Arguments(options))
            : Emulator.Run(emulatedCpu, environment, Arguments(options));
    }

    /// <summary>As <see cref="Reproduce"/>, with more variables set, killed and failed if it has not ended within
    /// <paramref name="limit"/> (<see cref="HarnessProcess.RunWithin"/>).</summary>
    public (int ExitCode, string Output) ReproduceWithin(TimeSpan limit, IReadOnlyDictionary<string, string?> environment,
        params string[] options)
    {
        var merged = Variables(accept: null);
        foreach (var (name, value) in environment) merged[name] = value;
        return HarnessProcess.RunWithin(limit, merged, Arguments(options));
    }

    private Dictionary<string, string?> Variables(string? accept)
    {
        var environment = new Dictionary<string, string?> { ["HARNESS_ACCEPT"] = accept, ["CI"] = null };
        if (Store is not null) environment[Harness.Store.StoreLocation.Variable] = Store;
        return environment;
    }

    /// <summary>The command line of <see cref="Reproduce"/>, after <c>harness</c>.</summary>
    public string[] Arguments(params string[] options) =>
        ["reproduce", "--experiment", ExperimentDirectory, "--baselines", Path.Combine(Baselines, Name), "--data-dir",
            DataDirectory, "--out", Out, .. options];

    /// <summary>The files a reproduction promises to write byte-identically.</summary>
    public Dictionary<string, byte[]> Outputs() =>
        new[] { MarkdownReport.FileName, HistoriesCsv.FileName, ClaimsJson.FileName }
            .ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(Out, Name, f)));

    public void Dispose() => _files.Dispose();
}

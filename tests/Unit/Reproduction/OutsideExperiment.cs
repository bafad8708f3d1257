namespace Harness.Tests.Unit.Reproduction;

/// <summary>
/// An experiment folder as a user outside the project would write it: in a temporary directory, not under the program,
/// on tiny synthetic data, sweeping width and learning rate with SGD and momentum, with a claim over the learning rate.
/// </summary>
internal sealed class OutsideExperiment : IDisposable
{
    private readonly IdxFixtures _files = new();

    public OutsideExperiment(string? experimentJson = null, string? claimsJson = null, string? publishedJson = null)
    {
        _files.WriteDataset(train: 40, test: 20);
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, "experiment.json"), experimentJson ?? """
            { "name": "lr-sweep", "title": "width and learning rate under SGD with momentum",
              "run": { "layers": 1, "nTrain": 40, "nValidation": 20, "epochs": 3, "batchSize": 8, "optimizer": "sgd", "momentum": 0.9 },
              "grids": [ { "name": "sweep", "axes": { "width": [4, 8], "learningRate": [0.01, 0.1] }, "seeds": { "first": 1, "count": 5 } } ],
              "figures": { "files": "width", "lines": "learningRate" } }
            """);
        File.WriteAllText(Path.Combine(Folder, "claims.json"), claimsJson ?? """
            { "claims": [ { "id": "higher-lr-trains-faster", "statement": "a higher learning rate ends with a lower training loss",
              "metric": "final_loss", "test": "probability", "direction": "less", "paired": true,
              "parts": [ { "name": "width 8", "a": { "width": 8, "learningRate": 0.1 }, "b": { "width": 8, "learningRate": 0.01 } } ],
              "expected": { "verdict": "inconclusive", "kind": "preregistered", "date": "2026-11-27", "commit": "954ca9a" }, "reason": "on 2x2 synthetic images with 3 classes nothing is learnt in 3 epochs: the step size does not order the losses reliably" } ] }
            """);
        if (publishedJson is not null) File.WriteAllText(Path.Combine(Folder, "published.json"), publishedJson);
    }

    public string Folder => Path.Combine(_files.Directory, "my-experiment");
    public string DataDirectory => _files.Directory;
    public string Out => Path.Combine(_files.Directory, "out");

    /// <summary><c>harness reproduce --experiment PATH</c> in a child process.</summary>
    public (int ExitCode, string Output) Reproduce(string? accept = null, params string[] options) =>
        HarnessProcess.Run(new Dictionary<string, string?> { ["HARNESS_ACCEPT"] = accept, ["CI"] = null, ["HARNESS_BASELINES_DIR"] = null },
            ["reproduce", "--experiment", Folder, "--data-dir", DataDirectory, "--out", Out, .. options]);

    public void Dispose() => _files.Dispose();
}

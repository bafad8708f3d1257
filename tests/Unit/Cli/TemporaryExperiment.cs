namespace Harness.Tests.Unit.Cli;

/// <summary>
/// A small experiment folder in a temporary directory, outside the program's shipped experiments: what a user points
/// <c>--experiment</c> at. Two grids, so commands that take the first one can be told apart from those taking all.
/// </summary>
internal sealed class TemporaryExperiment : IDisposable
{
    public TemporaryExperiment()
    {
        Directory = Path.Combine(Path.GetTempPath(), "harness-cli-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, "experiment.json"), """
            { "name": "temporary", "title": "temporary", "dataset": "mnist",
              "run": { "nValidation": 20, "epochs": 2, "batchSize": 8, "width": 8 },
              "grids": [ { "name": "first", "axes": { "layers": [1, 2], "optimizer": ["sgd", "adam"], "nTrain": [40] }, "seeds": { "first": 1, "count": 2 } },
                         { "name": "second", "axes": { "layers": [3], "nTrain": [20] }, "seeds": { "first": 1, "count": 1 } } ] }
            """);
    }

    public string Directory { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

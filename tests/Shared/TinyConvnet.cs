namespace Harness.Tests;

/// <summary>
/// A tiny synthetic convnet experiment: 8×8 images, 3 classes, the layer list Conv2D(4, 3×3, relu) → Conv2D(8, 3×3, same,
/// relu) → MaxPooling2D(2×2) → Dropout(0.25) → Flatten → Dense(3, softmax), trained with Adadelta for 2 epochs on 40 images
/// (batches of 16, 16 and a partial 8) and validated on 20 (16 + 4), with the first layer's filters as an axis (4 runs):
/// every layer the convnet path has, in a folder of its own with its data, run by <c>harness reproduce --experiment PATH</c>
/// in a child process, natively or on an emulated CPU.
/// </summary>
internal sealed class TinyConvnet : IDisposable
{
    private readonly IdxFixtures _files;

    public TinyConvnet()
    {
        _files = new IdxFixtures();
        _files.WriteDataset(train: 40, test: 20, side: 8);
        Name = TestScratch.Name("tiny-convnet");
        Directory.CreateDirectory(ExperimentDirectory);
        File.WriteAllText(Path.Combine(ExperimentDirectory, "experiment.json"), $$"""
            { "name": "{{Name}}", "title": "tiny convnet", "dataset": "mnist",
              "model": [
                { "class_name": "Conv2D", "filters": 4, "kernel_size": 3, "activation": "relu", "input_shape": [8, 8, 1] },
                { "class_name": "Conv2D", "filters": 8, "kernel_size": [3, 3], "padding": "same", "activation": "relu" },
                { "class_name": "MaxPooling2D", "pool_size": 2 },
                { "class_name": "Dropout", "rate": 0.25 },
                { "class_name": "Flatten" },
                { "class_name": "Dense", "units": 3, "activation": "softmax" } ],
              "run": { "nTrain": 40, "nValidation": 20, "epochs": 2, "batchSize": 16, "optimizer": "adadelta" },
              "grids": [ { "name": "g", "axes": { "conv2d_1.filters": [4, 6] }, "seeds": { "first": 1, "count": 2 } } ] }
            """);
    }

    public string Name { get; }
    public string DataDirectory => _files.Directory;
    public string ExperimentDirectory => Path.Combine(_files.Directory, Name);

    /// <summary><c>harness reproduce</c> of the experiment into <paramref name="output"/>, natively (<paramref name="emulatedCpu"/>
    /// null) or on an emulated CPU.</summary>
    public (int ExitCode, string Output) Reproduce(string output, string? emulatedCpu = null, params string[] options) =>
        Reproduce(output, new Dictionary<string, string?>(), emulatedCpu, options);

    /// <param name="variables">Variables to set in the child (null removes one).</param>
    public (int ExitCode, string Output) Reproduce(string output, IReadOnlyDictionary<string, string?> variables, string? emulatedCpu,
        params string[] options)
    {
        var environment = new Dictionary<string, string?>(variables) { ["CI"] = null, ["HARNESS_ACCEPT"] = null };
        string[] args = ["reproduce", "--experiment", ExperimentDirectory, "--baselines", Path.Combine(DataDirectory, "baselines", Name),
            "--data-dir", DataDirectory, "--out", output, "--no-store", .. options];
        return emulatedCpu is null ? HarnessProcess.Run(environment, args) : Emulator.Run(emulatedCpu, environment, args);
    }

    /// <summary>The histories a reproduction into <paramref name="output"/> wrote.</summary>
    public string Histories(string output) => File.ReadAllText(Path.Combine(output, Name, Harness.Report.HistoriesCsv.FileName));

    public void Dispose() => _files.Dispose();
}

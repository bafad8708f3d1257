using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Data;

namespace Harness.Tests.Unit.Cli;

/// <summary>
/// A tiny experiment (2×2 images, 3 classes, width 8, one depth, two seeds of two epochs) with its own data folder, in a
/// temporary directory, for feeding the real program one bad input at a time: each case changes one file or option.
/// </summary>
public sealed class ProbeExperiment : IDisposable
{
    public ProbeExperiment()
    {
        Directory.CreateDirectory(Data);
        Directory.CreateDirectory(Folder);
        WriteData();
        WriteDefinition();
    }

    public string Root { get; } = TestScratch.Path("harness-probe");
    public string Data => Path.Combine(Root, "data");
    public string Folder => Path.Combine(Root, "experiment");
    public string Out => Path.Combine(Root, "out");
    public string Store => Path.Combine(Root, "store");
    public string Baselines => Path.Combine(Root, "baselines");

    /// <summary>The four IDX files: <paramref name="train"/> training images of <paramref name="trainShape"/> (2×2 unless
    /// given), 20 test images of <paramref name="testShape"/>, labels cycling through 3 classes.</summary>
    public void WriteData(int train = 40, int[]? trainShape = null, int[]? testShape = null, byte? fifthLabel = null)
    {
        void One(string name, int[] shape, Func<int, byte> value) =>
            File.WriteAllBytes(Path.Combine(Data, name),
                IdxFixtures.Idx(shape, Enumerable.Range(0, shape.Aggregate(1, (a, b) => a * b)).Select(value).ToArray()));
        One(MnistFiles.TrainImages, [train, .. trainShape ?? [2, 2]], i => (byte)(i % 256));
        One(MnistFiles.TrainLabels, [train], i => i == 5 && fifthLabel is { } label ? label : (byte)(i % 3));
        One(MnistFiles.TestImages, [20, .. testShape ?? [2, 2]], i => (byte)(255 - i % 256));
        One(MnistFiles.TestLabels, [20], i => (byte)((i + 1) % 3));
    }

    /// <summary>experiment.json, with <paramref name="run"/> merged over the tiny run settings.</summary>
    public void WriteDefinition(Dictionary<string, object>? run = null, object? seeds = null, object? axes = null)
    {
        var settings = new Dictionary<string, object> { ["nValidation"] = 20, ["epochs"] = 2, ["batchSize"] = 8, ["width"] = 8 };
        foreach (var (key, value) in run ?? []) settings[key] = value;
        var definition = new
        {
            name = "probe", title = "probe", dataset = "mnist", run = settings,
            grids = new[] { new { name = "g", axes = axes ?? new { layers = new[] { 1 }, nTrain = new[] { 40 } }, seeds = seeds
                ?? new { first = 1, count = 2 } } },
        };
        File.WriteAllText(Path.Combine(Folder, "experiment.json"), JsonSerializer.Serialize(definition));
    }

    public void WriteFile(string name, string text) => File.WriteAllText(Path.Combine(Folder, name), text);

    /// <summary>
    /// <c>reproduce</c> on this experiment, its data and its own out, baselines and store folders, then <paramref
    /// name="options"/>.
    /// </summary>
    public string[] Reproduce(params string[] options) =>
        ["reproduce", "--experiment", Folder, "--data-dir", Data, "--out", Out, "--baselines", Baselines, .. options];

    /// <summary>Trains the runs into <see cref="Store"/> (as a shard job would) and returns the first entry's path.</summary>
    public string FillStore()
    {
        var (exitCode, output) = HarnessProcess.Run(Reproduce("--shard", "1/1", "--store", Store));
        if (exitCode != 0) throw new InvalidOperationException($"Filling the probe's store failed ({exitCode}):\n{output}");
        return Directory.EnumerateFiles(Store, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
    }

    /// <summary>Fills the store, then edits its first entry as JSON.</summary>
    public void EditEntry(Action<JsonNode> edit)
    {
        var path = FillStore();
        var entry = JsonNode.Parse(File.ReadAllText(path))!;
        edit(entry);
        File.WriteAllText(path, entry.ToJsonString());
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}

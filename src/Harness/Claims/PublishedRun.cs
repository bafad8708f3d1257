using System.Collections.Immutable;
using System.Text.Json;
using Harness.Baselines;
using Harness.Config;
using Harness.History;

namespace Harness.Claims;

/// <summary>One run the tutorial published: its configuration and its Keras fit() log, as a history.</summary>
public sealed record PublishedRun(RunConfig Config, TrainingHistory History)
{
    public string ConfigurationId => Config.ConfigurationId;

    /// <summary>Reads the published histories (<c>baselines/&lt;experiment&gt;/published.json</c>: source, setup and runs).</summary>
    public static IReadOnlyList<PublishedRun> Read(string path)
    {
        var document = BaselineJson.Parse(path);
        using (document)
        {
            var root = document.RootElement;
            var setup = root.TryGetProperty("setup", out var s) ? s : throw new BaselineFormatException(path, "missing 'setup'");
            int Setup(string key, int fallback) => setup.TryGetProperty(key, out var v) && v.TryGetInt32(out var i) ? i : fallback;
            var template = new RunConfig
            {
                NTrain = Setup("n_train", 1000), NValidation = Setup("n_test", 3000), Epochs = Setup("epochs", 18),
                BatchSize = Setup("batch_size", 128), Width = Setup("width", 512),
            };
            if (!root.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
                throw new BaselineFormatException(path, "missing array 'runs'");
            return runs.EnumerateArray().Select((run, i) =>
            {
                var layers = run.TryGetProperty("layers", out var l) && l.TryGetInt32(out var li) ? li : throw new BaselineFormatException(path, $"runs[{i}] has no integer 'layers'");
                var dropout = run.TryGetProperty("dropout", out var d) && d.TryGetDouble(out var dv) ? dv : throw new BaselineFormatException(path, $"runs[{i}] has no number 'dropout'");
                var history = run.TryGetProperty("history", out var h) ? h : throw new BaselineFormatException(path, $"runs[{i}] has no 'history'");
                ImmutableArray<double> Metric(string name) => history.TryGetProperty(name, out var values) && values.ValueKind == JsonValueKind.Array
                    ? [.. values.EnumerateArray().Select(v => v.GetDouble())]
                    : throw new BaselineFormatException(path, $"runs[{i}].history has no '{name}'");
                return new PublishedRun(template with { Layers = layers, Dropout = dropout },
                    new TrainingHistory(Metric("loss"), Metric("acc"), Metric("val_loss"), Metric("val_acc")));
            }).ToList();
        }
    }
}

using System.Globalization;
using System.Text.Json;
using Harness.Config;
using Harness.IO;

namespace Harness.History;

/// <summary>
/// A run's result file: <c>{"runId", "config", "fingerprint", "history", "seconds"}</c>. Keys in a fixed
/// order, numbers in shortest round-trip form (invariant culture), LF line ends: the same run writes the same bytes.
/// </summary>
public static class RunResultJson
{
    /// <param name="asBaseline">For baselines: no wall time, which varies from run to run, and of the fingerprint only the
    /// fields its profile compares, so a baseline's bytes do not depend on the machine that wrote it.</param>
    public static string Serialize(RunResult result, bool asBaseline = false) => DeterministicJson.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("runId", result.RunId);
        json.WritePropertyName("config");
        WriteConfig(json, result.Config);
        json.WritePropertyName("fingerprint");
        WriteFingerprint(json, asBaseline ? result.Fingerprint.Comparable().Fields : result.Fingerprint.Fields());
        json.WritePropertyName("history");
        WriteHistory(json, result.History);
        if (!asBaseline) json.WriteNumber("seconds", Math.Round(result.Seconds, 3));
        json.WriteEndObject();
    });

    public static string Write(string directory, RunResult result)
    {
        var path = Path.Combine(directory, result.RunId + ".json");
        AtomicFile.WriteAllText(path, Serialize(result));
        return path;
    }

    public static void WriteConfig(Utf8JsonWriter json, RunConfig config)
    {
        json.WriteStartObject();
        json.WriteString("dataset", "mnist");
        json.WriteNumber("layers", config.Layers);
        json.WriteNumber("width", config.Width);
        json.WriteNumber("dropout", config.Dropout);
        json.WriteNumber("n_train", config.NTrain);
        json.WriteNumber("n_validation", config.NValidation);
        json.WriteNumber("seed", config.Seed);
        json.WriteNumber("epochs", config.Epochs);
        json.WriteNumber("batch_size", config.BatchSize);
        json.WriteString("optimizer", config.Semantics == Semantics.Keras ? "keras-adam" : "torch-adam");
        json.WriteNumber("learning_rate", config.LearningRate);
        json.WriteNumber("beta_1", RunConfig.Beta1);
        json.WriteNumber("beta_2", RunConfig.Beta2);
        json.WriteNumber("epsilon", config.Epsilon);
        json.WriteString("semantics", config.Semantics.ToString().ToLowerInvariant());
        json.WriteEndObject();
    }

    public static void WriteFingerprint(Utf8JsonWriter json, IEnumerable<(string Name, string Value)> fields)
    {
        json.WriteStartObject();
        foreach (var (name, value) in fields) json.WriteString(name, value);
        json.WriteEndObject();
    }

    public static void WriteHistory(Utf8JsonWriter json, TrainingHistory history)
    {
        json.WriteStartObject();
        foreach (var metric in TrainingHistory.MetricNames)
        {
            json.WriteStartArray(metric);
            foreach (var value in history[metric]) json.WriteNumberValue(value);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    /// <summary>Formats a number as the files do, for messages and tables.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

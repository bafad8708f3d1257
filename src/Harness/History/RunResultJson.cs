using System.Globalization;
using System.Text.Json;
using Harness.Config;
using Harness.Config.Settings;
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
    public static string Serialize(RunResult result, bool asBaseline = false) => DeterministicJson.Write(json => WriteObject(json, result, asBaseline));

    /// <summary>The same object, written where a larger file holds it (a run store entry).</summary>
    public static void WriteObject(Utf8JsonWriter json, RunResult result, bool asBaseline = false)
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
    }

    public static string Write(string directory, RunResult result)
    {
        var path = Path.Combine(directory, result.RunId + ".json");
        AtomicFile.WriteAllText(path, Serialize(result));
        return path;
    }

    /// <summary>Every setting the run trains with, in run-id order, as its effective value (defaults written out); hyperparameters
    /// the run's optimizer does not use are left out.</summary>
    public static void WriteConfig(Utf8JsonWriter json, RunConfig config)
    {
        json.WriteStartObject();
        json.WriteString("dataset", "mnist");
        foreach (var setting in RunSettings.All)
            switch (setting.Effective(config))
            {
                case int i: json.WriteNumber(setting.FileKey, i); break;
                case double d: json.WriteNumber(setting.FileKey, d); break;
                case bool b: json.WriteBoolean(setting.FileKey, b); break;
                case string text: json.WriteString(setting.FileKey, text); break;
            }
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

using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Harness.Settings;
using Harness.IO;

namespace Harness.History;

/// <summary>
/// A run's result file: <c>{"runId", "config", "fingerprint", "history", "seconds"}</c>. Keys in a fixed
/// order, numbers in shortest round-trip form (invariant culture), LF line ends: the same run writes the same bytes.
/// The one writer and the one reader of that object, wherever it is kept: a run's file, a baseline, a store entry's <c>result</c>.
/// </summary>
internal static class RunResultJson
{
    /// <param name="asBaseline">For baselines: no wall time, which varies from run to run, and of the fingerprint only the
    /// fields its profile compares, so a baseline's bytes do not depend on the machine that wrote it.</param>
    public static string Serialize(RunResult result, bool asBaseline = false) =>
        DeterministicJson.Write(json => WriteObject(json, result, asBaseline));

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
        json.WriteString("dataset", config.Dataset);
        foreach (var setting in RunSettings.All)
            switch (setting.Effective(config))
            {
                case int i: json.WriteNumber(setting.FileKey, i); break;
                case double d: json.WriteNumber(setting.FileKey, d); break;
                case bool b: json.WriteBoolean(setting.FileKey, b); break;
                case string text: json.WriteString(setting.FileKey, text); break;
            }
        // A declared model is written as the layers the run trains (its values applied); the MLP shorthand's settings above
        // already say everything about it, so its files stay as they were.
        if (config.Model is not null)
        {
            json.WritePropertyName("model");
            config.Model.With(config.LayerValues).WriteJson(json);
        }
        // A C# model is written as its class and the value of each setting it declares; its code's identity is the run
        // store key's (RunKey), not the result's: an identical rebuild elsewhere must still verify against the baselines.
        if (config.ModelClass is { } model)
        {
            json.WriteStartObject("model");
            json.WriteString("class", model.ClassName);
            json.WriteStartObject("settings");
            foreach (var (name, value) in model.ValuesOf(config))
                switch (value)
                {
                    case int i: json.WriteNumber(name, i); break;
                    case double d: json.WriteNumber(name, d); break;
                    case bool b: json.WriteBoolean(name, b); break;
                }
            json.WriteEndObject();
            json.WriteEndObject();
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

    /// <summary>
    /// Reads the object <see cref="WriteObject"/> writes, checking every field: the run id, the fingerprint (each field a string,
    /// then interpreted by <paramref name="fingerprint"/>), the history (every metric, one number per epoch, no other metric), the
    /// config and, unless <paramref name="asBaseline"/>, the wall time. Checked in that order, so a file with several defects
    /// names the first of them the same way every time.
    /// </summary>
    /// <param name="fingerprint">Interprets the fingerprint's fields (in file order); throws <see cref="InvalidDataException"/>
    /// or its caller's own exception for fields it cannot use.</param>
    /// <param name="where">The object's path in its file, for messages ("result" in a store entry); empty when it is
    /// the whole file.</param>
    /// <exception cref="InvalidDataException">The first defect, naming the field by its path in the file.</exception>
    public static RunResultFile<TFingerprint> Read<TFingerprint>(JsonElement element, Func<IReadOnlyDictionary<string,
        string>, TFingerprint> fingerprint,
        bool asBaseline = false, string where = "")
    {
        string PathOf(string name) => where.Length == 0 ? name : $"{where}.{name}";
        JsonElement Property(string name) =>
            element.TryGetProperty(name, out var value) ? value : throw new InvalidDataException($"'{PathOf(name)}' is missing");
        JsonElement Object(string name) =>
            Property(name) is { ValueKind: JsonValueKind.Object } value ? value
                : throw new InvalidDataException($"'{PathOf(name)}' must be a JSON object");

        if (element.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException(where.Length == 0 ? "the result must be a JSON object" : $"'{where}' must be a JSON object");
        var runId = Property("runId") is { ValueKind: JsonValueKind.String } id ? id.GetString()!
            : throw new InvalidDataException($"'{PathOf("runId")}' must be a string");
        var fields = new Dictionary<string, string>();
        foreach (var field in Object("fingerprint").EnumerateObject())
            fields[field.Name] = field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString()!
                : throw new InvalidDataException($"'{PathOf("fingerprint")}.{field.Name}' must be a string");
        var interpreted = fingerprint(fields);
        var history = ReadHistory(Object("history"), PathOf("history"));
        var config = DeterministicJson.Write(Object("config").WriteTo);
        double? seconds = asBaseline ? null
            : Property("seconds") is { ValueKind: JsonValueKind.Number } s && s.TryGetDouble(out var value) ? value
            : throw new InvalidDataException($"'{PathOf("seconds")}' must be a number");
        return new RunResultFile<TFingerprint>(runId, config, interpreted, history, seconds);
    }

    /// <param name="where">The history's path, unquoted ("history", "result.history"): messages read "history is
    /// missing metric 'acc'".</param>
    private static TrainingHistory ReadHistory(JsonElement element, string where)
    {
        var metrics = new Dictionary<string, ImmutableArray<double>>();
        foreach (var metric in TrainingHistory.MetricNames)
        {
            if (!element.TryGetProperty(metric, out var values) || values.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"{where} is missing metric '{metric}' (an array of numbers)");
            metrics[metric] = [.. values.EnumerateArray().Select((v, i) =>
                v.ValueKind != JsonValueKind.Number
                    ? throw new InvalidDataException($"{where}.{metric}[{i}] is {v.ValueKind}, expected a number")
                : v.TryGetDouble(out var value) ? value
                : throw new InvalidDataException($"{where}.{metric}[{i}] is {v.GetRawText()}, beyond a double's range"))];
        }
        var lengths = metrics.ToDictionary(m => m.Key, m => m.Value.Length);
        if (lengths.Values.Distinct().Count() != 1 || lengths["loss"] == 0)
            throw new InvalidDataException(
                $"{where} metrics must have one value per epoch, all the same length; found " +
                $"{string.Join(", ", lengths.Select(l => $"{l.Key}: {l.Value}"))}");
        foreach (var extra in element.EnumerateObject().Where(p => !TrainingHistory.MetricNames.Contains(p.Name)))
            throw new InvalidDataException($"{where} has unknown metric '{extra.Name}'");
        return new TrainingHistory(metrics["loss"], metrics["acc"], metrics["val_loss"], metrics["val_acc"]);
    }

    /// <summary>Formats a number as the files do, for messages and tables.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

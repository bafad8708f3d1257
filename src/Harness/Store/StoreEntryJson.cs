using System.Text.Json;
using Harness.History;
using Harness.IO;
using Harness.Native;

namespace Harness.Store;

/// <summary>
/// A store entry's file: <c>{"key", "inputs", "result"}</c>, where <c>inputs</c> are the key's inputs (so a person, or a merge of
/// stores, can see what the run is) and <c>result</c> is the run's result file as <c>harness run</c> writes it.
/// </summary>
internal static class StoreEntryJson
{
    public static string Serialize(RunKey key, RunResult result) => DeterministicJson.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("key", key.Hash);
        json.WritePropertyName("inputs");
        using (var inputs = JsonDocument.Parse(key.Inputs)) inputs.RootElement.WriteTo(json);
        json.WritePropertyName("result");
        RunResultJson.WriteObject(json, result);
        json.WriteEndObject();
    });

    /// <summary>Reads an entry, checking that its inputs hash to its key (whether its result is the run of that key is
    /// <see cref="StoreEntry.Mismatches"/>'s question: it needs the run).</summary>
    /// <exception cref="InvalidDataException">What is wrong with it (truncated, not JSON, a field missing, malformed or of the wrong
    /// kind, named by its path in the file).</exception>
    public static StoreEntry Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = Object(document.RootElement, "the file");
            var key = Text(root, "key");
            var inputs = Object(Property(root, "inputs"), "'inputs'");
            var inputsText = DeterministicJson.Write(inputs.WriteTo);
            var actual = RunKey.FromInputs(inputsText).Hash;
            if (actual != key) throw new InvalidDataException($"its inputs hash to {actual}, not to its key {key}");

            var result =
                RunResultJson.Read(Property(root, "result"),
                    fields => EnvironmentFingerprint.FromFields(fields, "result.fingerprint"), where: "result");
            return new StoreEntry(key, inputsText, result.RunId, result.Config, result.Fingerprint, result.History, result.Seconds!.Value);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    private static JsonElement Object(JsonElement element, string what) =>
        element.ValueKind == JsonValueKind.Object ? element : throw new InvalidDataException($"{what} must be a JSON object");

    private static JsonElement Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : throw new InvalidDataException($"'{name}' is missing");

    private static string Text(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString()!
            : throw new InvalidDataException($"'{name}' must be a string");
}

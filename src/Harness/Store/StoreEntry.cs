using System.Text.Json;
using Harness.Settings;
using Harness.History;
using Harness.IO;
using Harness.Native;

namespace Harness.Store;

/// <summary>One stored run as its file holds it: its key and the key's inputs, the run's id, the config its result names, and
/// everything it recorded, with the full fingerprint of the machine that trained it. Enough to tell two entries of the same
/// key with different bits apart, and an entry whose result is not the run of its key.</summary>
/// <param name="Inputs">The key's inputs, as <see cref="RunKey.Inputs"/> writes them (they hash to <paramref name="Key"/>).</param>
/// <param name="Config">The result's own <c>config</c>, re-written deterministically.</param>
internal sealed record StoreEntry(string Key, string Inputs, string RunId, string Config, EnvironmentFingerprint Fingerprint,
    TrainingHistory History, double Seconds)
{
    /// <summary>The entry as the result of <paramref name="config"/>, whose key it is.</summary>
    public RunResult ToResult(RunConfig config) => new(config, Fingerprint, History, Seconds);

    /// <summary>
    /// Why the entry's result is not the result of <paramref name="run"/>, the run whose key it was found under (empty when it
    /// is). The key covers only the inputs; this binds the result to them: its config and the fingerprint fields its profile
    /// compares must be the inputs' own, its run id the run's, and its history as long as the run. An edit that changes the
    /// result alone (a history with its fingerprint, so that the exact tier would call it "not comparable") is caught here;
    /// a forger who edits consistently is not (nothing is signed; docs/run-store.md).
    /// </summary>
    public IReadOnlyList<string> Mismatches(RunConfig run)
    {
        var problems = new List<string>();
        if (RunId != run.RunId) problems.Add($"its result is of run {RunId}, not {run.RunId}");
        if (History.Epochs != run.Epochs) problems.Add($"its history has {History.Epochs} epoch(s) where the run has {run.Epochs}");
        using var inputs = JsonDocument.Parse(Inputs);
        using var config = JsonDocument.Parse(Config);
        problems.AddRange(Differences("config", inputs.RootElement.GetProperty("config"), config.RootElement));
        var comparable = DeterministicJson.Write(json => RunResultJson.WriteFingerprint(json, Fingerprint.Comparable().Fields));
        using var fingerprint = JsonDocument.Parse(comparable);
        problems.AddRange(Differences("fingerprint", inputs.RootElement.GetProperty("fingerprint"), fingerprint.RootElement));
        return problems;
    }

    /// <summary>
    /// Each field of the result's object <paramref name="name"/> that is not the inputs' (strings and numbers, and a
    /// declared model's layer list).
    /// </summary>
    private static IEnumerable<string> Differences(string name, JsonElement inputs, JsonElement result)
    {
        var fields = inputs.EnumerateObject().Select(p => p.Name).Union(result.EnumerateObject().Select(p => p.Name));
        foreach (var field in fields)
        {
            var (ours, theirs) = (Raw(inputs, field), Raw(result, field));
            if (ours != theirs) yield return $"result.{name}.{field} is {theirs ?? "absent"} where its inputs say {ours ?? "absent"}";
        }
    }

    /// <summary>A field's value as comparable text: a number or string as written, an object or array (a declared model's layers)
    /// without the whitespace its depth in the file gave it.</summary>
    private static string? Raw(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) ? null
        : value.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? JsonSerializer.Serialize(value)
        : value.GetRawText();
}

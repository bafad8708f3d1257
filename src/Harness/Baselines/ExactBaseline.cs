using System.Collections.Immutable;
using System.Text.Json;
using Harness.History;
using Harness.Native;

namespace Harness.Baselines;

/// <summary>
/// An exact-tier baseline: one run's history and the comparable part of the environment it was recorded in (the fields
/// its numerics profile's rule names). The file is the run's result without its wall time and without machine details
/// outside that rule, so re-accepting identical results, on any machine the rule calls comparable, changes no byte.
/// </summary>
public sealed record ExactBaseline(string RunId, ComparableFingerprint Fingerprint, TrainingHistory History)
{
    public static string Serialize(RunResult result) => RunResultJson.Serialize(result, asBaseline: true);

    /// <summary>Reads and checks a baseline; any defect is a <see cref="BaselineFormatException"/> naming the file.</summary>
    public static ExactBaseline Read(string path)
    {
        var document = BaselineJson.Parse(path);
        using (document)
        {
            var root = document.RootElement;
            var runId = root.TryGetProperty("runId", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()! : throw new BaselineFormatException(path, "missing string 'runId'");
            var fingerprint = root.TryGetProperty("fingerprint", out var f)
                ? FingerprintJson.Read(f, path) : throw new BaselineFormatException(path, "missing 'fingerprint'");
            var history = root.TryGetProperty("history", out var h)
                ? ReadHistory(h, path) : throw new BaselineFormatException(path, "missing 'history'");
            return new ExactBaseline(runId, fingerprint, history);
        }
    }

    private static TrainingHistory ReadHistory(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new BaselineFormatException(path, "'history' must be an object");
        var metrics = new Dictionary<string, ImmutableArray<double>>();
        foreach (var metric in TrainingHistory.MetricNames)
        {
            if (!element.TryGetProperty(metric, out var values) || values.ValueKind != JsonValueKind.Array)
                throw new BaselineFormatException(path, $"history is missing metric '{metric}' (an array of numbers)");
            metrics[metric] = [.. values.EnumerateArray().Select((v, i) => v.ValueKind == JsonValueKind.Number
                ? v.GetDouble() : throw new BaselineFormatException(path, $"history.{metric}[{i}] is {v.ValueKind}, expected a number"))];
        }
        var lengths = metrics.ToDictionary(m => m.Key, m => m.Value.Length);
        if (lengths.Values.Distinct().Count() != 1 || lengths["loss"] == 0)
            throw new BaselineFormatException(path,
                $"history metrics must have one value per epoch, all the same length; found {string.Join(", ", lengths.Select(l => $"{l.Key}: {l.Value}"))}");
        foreach (var extra in element.EnumerateObject().Where(p => !TrainingHistory.MetricNames.Contains(p.Name)))
            throw new BaselineFormatException(path, $"history has unknown metric '{extra.Name}'");
        return new TrainingHistory(metrics["loss"], metrics["acc"], metrics["val_loss"], metrics["val_acc"]);
    }
}

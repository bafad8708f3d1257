using System.Collections.Immutable;
using System.Text.Json;
using Harness.Config;
using Harness.Settings;
using Harness.History;
using Harness.Metrics;
using Harness.IO;

namespace Harness.Claims;

/// <summary>
/// One run the original author published: its configuration and either its whole Keras fit() log or only the numbers the
/// source states (Keras's mnist_mlp.py: "Gets to 98.40% test accuracy after 20 epochs").
/// </summary>
internal sealed record PublishedRun(RunConfig Config, TrainingHistory? History, IReadOnlyDictionary<string, double> Stated)
{
    public string ConfigurationId => Config.ConfigurationId;

    /// <summary>
    /// A per-run metric (<see cref="RunMetrics"/>): from the history when published, else as stated; null when neither
    /// has it.
    /// </summary>
    public double? Metric(string name) =>
        History is not null ? RunMetrics.Compute(name, History) : Stated.TryGetValue(name, out var value) ? value : null;

    /// <summary>The experiment's published runs, or none when its folder has no <c>published.json</c> (they are optional).</summary>
    public static IReadOnlyList<PublishedRun> Load(Experiment experiment)
    {
        var path = experiment.Files.Published;
        return File.Exists(path) ? Read(path, experiment) : [];
    }

    /// <summary>
    /// Reads <c>{"source", "setup", "settings": {run settings all runs share}, "runs": [{run settings, "history": {loss, acc,
    /// val_loss, val_acc} or "metrics": {name: value}}]}</c>. Settings are named as in experiment.json and applied to the
    /// run settings of <paramref name="experiment"/>, which is the experiment as its file declares it (a published run trained
    /// with its own settings, whatever a reproduction overrides); each run must be a configuration of it. Every problem is
    /// reported at once.
    /// </summary>
    public static IReadOnlyList<PublishedRun> Read(string path, Experiment experiment)
    {
        var errors = new List<string>();
        var runs = new List<PublishedRun>();
        var configurations = experiment.Grids.SelectMany(g => g.Combinations()).Select(c => c.ConfigurationId).ToHashSet();
        using (var document = Open(path))
        {
            var root = document.RootElement;
            var template = experiment.Grids[0].Template;
            if (root.TryGetProperty("settings", out var shared)) template = Apply(template, shared, "settings", errors);
            if (!root.TryGetProperty("runs", out var list) || list.ValueKind != JsonValueKind.Array)
                errors.Add("runs: missing; expected an array of runs");
            else
                foreach (var (run, i) in list.EnumerateArray().Select((r, i) => (r, i)))
                {
                    var config = Apply(template, run, $"runs[{i}]", errors, "history", "metrics");
                    var history = run.TryGetProperty("history", out var h) ? ReadHistory(h, $"runs[{i}].history", errors) : null;
                    var stated = run.TryGetProperty("metrics", out var m) ? ReadMetrics(m, $"runs[{i}].metrics", errors)
                        : new Dictionary<string, double>();
                    if (history is null && stated.Count == 0) errors.Add($"runs[{i}]: expected a 'history' or 'metrics'");
                    if (!configurations.Contains(config.ConfigurationId))
                        errors.Add($"runs[{i}]: configuration {config.ConfigurationId} is not one the experiment declares " +
                            $"({experiment.DefinitionPath}, before any override)");
                    runs.Add(new PublishedRun(config, history, stated));
                }
        }
        return errors.Count == 0 ? runs : throw new ConfigurationException(errors.Select(e => $"{path}: {e}").ToList());
    }

    private static JsonDocument Open(string path)
    {
        try
        {
            return JsonFile.Parse(path);
        }
        catch (InvalidDataException e)
        {
            throw new ConfigurationException([e.Message]);
        }
    }

    private static RunConfig Apply(RunConfig config, JsonElement element, string where, List<string> errors, params string[] other)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{where}: expected an object");
            return config;
        }
        foreach (var property in element.EnumerateObject().Where(p => !other.Contains(p.Name)))
        {
            if (RunSettings.Find(property.Name) is not { } setting) errors.Add($"{where}.{property.Name}: unknown run setting; " +
                $"expected one of: {RunSettings.Names}");
            else if (setting.Parse(
                    property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText(),
                    out var error) is { } value)
                config = setting.Set(config, value);
            else errors.Add($"{where}.{property.Name}: {error}");
        }
        return config;
    }

    private static TrainingHistory? ReadHistory(JsonElement element, string where, List<string> errors)
    {
        ImmutableArray<double>? Metric(string name) =>
            element.TryGetProperty(name, out var values) && values.ValueKind == JsonValueKind.Array && values.EnumerateArray()
                .All(v => v.ValueKind == JsonValueKind.Number)
                ? [.. values.EnumerateArray().Select(v => v.GetDouble())] : null;
        var metrics = TrainingHistory.MetricNames.Select(Metric).ToList();
        if (metrics.Any(m => m is null) || metrics.Select(m => m!.Value.Length).Distinct().Count() != 1 || metrics[0]!.Value.Length == 0)
        {
            errors.Add($"{where}: expected {string.Join(", ", TrainingHistory.MetricNames)} as arrays of numbers, one per epoch, all the " +
                "same length (at least one epoch)");
            return null;
        }
        return new TrainingHistory(metrics[0]!.Value, metrics[1]!.Value, metrics[2]!.Value, metrics[3]!.Value);
    }

    private static Dictionary<string, double> ReadMetrics(JsonElement element, string where, List<string> errors)
    {
        var stated = new Dictionary<string, double>();
        if (element.ValueKind != JsonValueKind.Object) errors.Add($"{where}: expected an object of metric: value");
        else
            foreach (var property in element.EnumerateObject())
                if (!RunMetrics.Exists(property.Name)) errors.Add($"{where}.{property.Name}: unknown metric; known: " +
                    $"{string.Join(", ", RunMetrics.Names)}");
                else if (property.Value.ValueKind != JsonValueKind.Number) errors.Add($"{where}.{property.Name}: expected a number");
                else stated[property.Name] = property.Value.GetDouble();
        return stated;
    }
}

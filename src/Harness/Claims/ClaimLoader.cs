using Harness.Config;
using Harness.Settings;
using Harness.Grid;
using Harness.History;
using Harness.Metrics;
using Microsoft.Extensions.Configuration;

namespace Harness.Claims;

/// <summary>
/// Reads <c>claims.json</c> beside an experiment's definition. Like the experiment itself it is validated whole before
/// anything runs, and every error names its key path.
/// </summary>
internal static class ClaimLoader
{
    /// <summary>The experiment's claims, or an empty set when its folder has no claims file (claims are optional).</summary>
    /// <param name="declared">The experiment as its file declares it, when overrides made <paramref name="experiment"/>.</param>
    public static ClaimSet Load(Experiment experiment, Experiment? declared = null)
    {
        var path = experiment.Files.Claims;
        return File.Exists(path) ? LoadFile(path, experiment, declared) : ClaimSet.None(path);
    }

    /// <summary>Reads and validates a claims file against the experiment: every filter names declared axes and selects a
    /// configuration. The outliers it registers are of published runs, which keep the settings of the experiment as its file
    /// declares it (<paramref name="declared"/>, when overrides made <paramref name="experiment"/>): they name its
    /// configurations.</summary>
    public static ClaimSet LoadFile(string path, Experiment experiment, Experiment? declared = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full)) throw new ConfigurationException([$"{full}: no claims file"]);
        IConfigurationRoot root;
        try
        {
            root = new ConfigurationBuilder().SetBasePath(System.IO.Path.GetDirectoryName(full)!)
                .AddJsonFile(System.IO.Path.GetFileName(full), optional: false, reloadOnChange: false).Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException)
        {
            throw ConfigReader.NotJson(full, e);
        }

        var reader = new ConfigReader(root, [(root.Providers.First(), $"in {full}")]);
        reader.OnlyKeys("", "alpha", "bootstrap", "minimumSeeds", "decide", "claims", "published");
        reader.OnlyKeys("bootstrap", "resamples", "seed");
        var alpha = reader.Double("alpha", 0.05, a => a > 0 && a < 1, "a number in (0, 1)");
        var resamples = reader.Int("bootstrap:resamples", 4000, 200, 1_000_000);
        var seed = (ulong)reader.Int("bootstrap:seed", 1, 0);
        var minimumSeeds = reader.Int("minimumSeeds", ClaimSet.DefaultMinimumSeeds, 2);
        var decide = reader.Has("decide") ? Sequential.PlanJson.Read(reader, "decide", "declared") : null;
        var planDeclared = RegistrationReader.ReadDeclaration(reader, "decide:declared");

        var configurations = ExperimentGrid.Configurations(experiment).Select(c => c.Configuration).ToList();
        var context = new Context(reader, experiment.Axes, configurations);
        var claims = reader.Indices("claims").Select(i => ReadClaim(context, $"claims:{i}")).ToList();
        if (claims.Count == 0) reader.Error("claims", "missing; at least one claim is required");
        foreach (var duplicate in claims.GroupBy(c => c.Id).Where(g => g.Count() > 1))
            reader.Error("claims", $"claim id '{duplicate.Key}' is used more than once");

        reader.OnlyKeys("published", "metrics", "outliers", "note");
        var metrics = reader.Has("published:metrics") ? reader.Array("published:metrics", p => Metric(reader, p))
            : ["final_val_loss", "final_val_acc"];
        var published = declared is null ? context.Configurations
            : ExperimentGrid.Configurations(declared).Select(c => c.Configuration).ToList();
        var outliers = reader.Indices("published:outliers").Select(i =>
        {
            var p = $"published:outliers:{i}";
            reader.OnlyKeys(p, "configuration", "metric", "reason");
            var configuration = reader.String($"{p}:configuration", required: true) ?? "";
            if (configuration.Length > 0 && !published.Any(c => c.ConfigurationId == configuration))
                reader.Error($"{p}:configuration", $"no configuration of experiment {experiment.Name} has the id '{configuration}'" +
                    (declared is null ? "" : " (as its file declares it, before any override)"));
            return new PublishedOutlier(configuration, Metric(reader, $"{p}:metric"), reader.String($"{p}:reason", required: true) ?? "");
        }).ToList();

        return reader.Errors.Count == 0 ? new ClaimSet(alpha, resamples, seed, claims, metrics, outliers, full, minimumSeeds, decide,
                planDeclared)
            : throw new ConfigurationException(reader.Errors);
    }

    /// <summary>What every part is checked against: the experiment's declared axes and its configurations (seeds aside).</summary>
    private sealed record Context(ConfigReader Reader, IReadOnlyList<RunSetting> Axes, IReadOnlyList<RunConfig> Configurations);

    private sealed record PartDefaults(string? Test, string? Direction, string? Paired, string? Axis, string? Value);

    private static Claim ReadClaim(Context context, string path)
    {
        var reader = context.Reader;
        reader.OnlyKeys(path, "id", "statement", "tutorial", "metric", "test", "direction", "paired", "axis", "value", "parts",
            "expected", "decided", "reason", "negligible");
        var id = reader.String($"{path}:id", required: true) ?? "";
        var metric = Metric(reader, $"{path}:metric");
        var defaults = new PartDefaults(reader.String($"{path}:test"), reader.String($"{path}:direction"),
            reader.String($"{path}:paired"), reader.String($"{path}:axis"), reader.String($"{path}:value"));
        var parts = reader.Indices($"{path}:parts").Select(i => ReadPart(context, $"{path}:parts:{i}", defaults)).ToList();
        if (parts.Count == 0) reader.Error($"{path}:parts", "missing; at least one comparison is required");
        var negligible = reader.Has($"{path}:negligible") ? ReadBand(reader, $"{path}:negligible") : null;
        if (negligible is not null && parts.Any(p => p.Test == ComparisonTest.Trend))
            reader.Error($"{path}:negligible",
                "a trend part's ρ has no scale in the metric's units; declare the band only on claims without trend parts");
        var registration = RegistrationReader.Read(reader, $"{path}:expected");
        var decided = reader.Has($"{path}:decided") ? RegistrationReader.Read(reader, $"{path}:decided") : null;
        if (decided is { Look: null }) reader.Error($"{path}:decided",
            "a verdict the decide plan reached records its look and plan; write it with reproduce --decide --register");
        return new Claim(id, reader.String($"{path}:statement", required: true) ?? "", reader.String($"{path}:tutorial") ?? "",
            metric, parts, registration, reader.String($"{path}:reason", required: true) ?? "", negligible, decided);
    }

    /// <summary>
    /// <c>"negligible": { "band": 0.1, "declared": { … } }</c>, or a bare number (a band with no record of when it was
    /// declared, so treated as post hoc with every seed seen).
    /// </summary>
    private static NegligibleBand ReadBand(ConfigReader reader, string path)
    {
        const string expected = "the smallest effect that matters, a positive number in the metric's units";
        if (!reader.ChildKeys(path).Any())
            return new(reader.Double(path, 0, v => v > 0 && double.IsFinite(v), expected), Declaration.Unrecorded);
        reader.OnlyKeys(path, "band", "declared");
        return new(reader.Double($"{path}:band", 0, v => v > 0 && double.IsFinite(v), expected),
            RegistrationReader.ReadDeclaration(reader, $"{path}:declared"));
    }

    private static ClaimPart ReadPart(Context context, string path, PartDefaults defaults)
    {
        var reader = context.Reader;
        reader.OnlyKeys(path, "name", "test", "direction", "paired", "where", "axis", "value", "a", "b", "c", "d");
        var testText = reader.String($"{path}:test") ?? defaults.Test ?? "";
        if (!Enum.TryParse<ComparisonTest>(testText, ignoreCase: true, out var test) || int.TryParse(testText, out _))
            reader.Error($"{path}:test",
                $"expected probability, trend, contrast, threshold or spread (here or on the claim), found '{testText}'");

        var direction = reader.String($"{path}:direction") ?? defaults.Direction ?? "";
        ClaimedSide side = ClaimedSide.Greater;
        if (direction is "greater" or "increasing") side = ClaimedSide.Greater;
        else if (direction is "less" or "decreasing") side = ClaimedSide.Less;
        else reader.Error($"{path}:direction",
            $"expected greater, less, increasing or decreasing (here or on the claim), found '{direction}'");

        var pairedText = reader.String($"{path}:paired") ?? defaults.Paired ?? "false";
        if (!bool.TryParse(pairedText, out var paired)) reader.Error($"{path}:paired", $"expected true or false, found '{pairedText}'");

        RunFilter? Filter(string key) => reader.Has($"{path}:{key}") ? ReadFilter(context, $"{path}:{key}") : null;
        string[] needed = test switch
        {
            ComparisonTest.Probability or ComparisonTest.Spread => ["a", "b"],
            ComparisonTest.Trend => ["where", "axis"],
            ComparisonTest.Threshold => ["value"],
            _ => ["a", "b", "c", "d"],
        };
        // A threshold's "where" is optional: without it the part takes every run of the experiment.
        foreach (var key in new[] { "where", "a", "b", "c", "d" }
            .Where(k => reader.Has($"{path}:{k}") && !needed.Contains(k) && !(k == "where" && test == ComparisonTest.Threshold)))
            reader.Error($"{path}:{key}",
                $"a {test.ToString().ToLowerInvariant()} comparison does not use it; it needs {string.Join(", ", needed)}");

        var axisText = reader.String($"{path}:axis") ?? defaults.Axis;
        RunSetting? axis = null;
        if (test == ComparisonTest.Trend)
        {
            axis = context.Axes.FirstOrDefault(a => a.Name.Equals(axisText, StringComparison.OrdinalIgnoreCase));
            if (axis is null || !axis.IsNumeric)
                reader.Error($"{path}:axis",
                    "expected a numeric axis the experiment declares " +
                    $"({string.Join(", ", context.Axes.Where(a => a.IsNumeric).Select(a => a.Name))}), found '{axisText}'");
        }

        var valueText = reader.String($"{path}:value") ?? defaults.Value;
        double? value = null;
        if (test == ComparisonTest.Threshold)
        {
            if (double.TryParse(valueText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture,
                out var v) && double.IsFinite(v)) value = v;
            else reader.Error($"{path}:value",
                $"expected the number the mean is compared with (here or on the claim), found '{valueText}'");
        }

        foreach (var key in needed.Where(k => k is not ("axis" or "value") && !reader.Has($"{path}:{k}")))
            reader.Error($"{path}:{key}", $"missing; a {test.ToString().ToLowerInvariant()} comparison needs {string.Join(", ", needed)}");
        var where = Filter("where") ?? (test == ComparisonTest.Threshold ? new RunFilter([]) : null);
        return new ClaimPart(reader.String($"{path}:name") ?? "", test, side, paired, where, axis, Filter("a"), Filter("b"),
            Filter("c"), Filter("d"), value);
    }

    /// <summary>
    /// A filter names declared axes only, with values of the axis's type, and must select a configuration of the full grid
    /// (none is a typo). Seeds are not counted: <c>--seeds</c> and <c>--set</c> change them, and a group with too few
    /// seeds for a verdict is not evaluated (<see cref="Comparisons.TooFewSeeds"/>), which is a quick look, not an error.
    /// </summary>
    private static RunFilter ReadFilter(Context context, string path)
    {
        var reader = context.Reader;
        var conditions = new List<(RunSetting, object)>();
        foreach (var key in reader.ChildKeys(path))
        {
            var axis = context.Axes.FirstOrDefault(a => a.Name.Equals(key, StringComparison.OrdinalIgnoreCase));
            if (axis is null)
            {
                reader.Error($"{path}:{key}",
                    "not an axis of this experiment; claims can select runs by its axes: " +
                    $"{string.Join(", ", context.Axes.Select(a => a.Name))}");
                continue;
            }
            if (reader.Setting($"{path}:{key}", axis) is { } value) conditions.Add((axis, value));
        }
        var filter = new RunFilter(conditions);
        if (!context.Configurations.Any(filter.Matches) && conditions.Count == reader.ChildKeys(path).Count())
            reader.Error(path, $"selects no configuration of the experiment ({filter.Describe()}); expected values its grids have");
        return filter;
    }

    private static string Metric(ConfigReader reader, string path)
    {
        var metric = reader.String(path, required: true) ?? "";
        if (metric.Length > 0 && !RunMetrics.Exists(metric))
            reader.Error(path, $"unknown metric '{metric}'; known: {string.Join(", ", RunMetrics.Names)}");
        return metric;
    }
}

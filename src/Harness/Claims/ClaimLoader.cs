using Harness.Config;
using Harness.History;
using Microsoft.Extensions.Configuration;

namespace Harness.Claims;

/// <summary>
/// Reads <c>claims.json</c> beside an experiment's definition. Like the experiment itself it is validated whole before
/// anything runs, and every error names its key path.
/// </summary>
public static class ClaimLoader
{
    public static string PathFor(string experiment) => System.IO.Path.Combine(ExperimentLoader.ExperimentsDirectory, experiment, "claims.json");

    public static ClaimSet Load(string experiment) => LoadFile(PathFor(experiment));

    public static ClaimSet LoadFile(string path)
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
            throw new ConfigurationException([$"{full}: not valid JSON: {(e.InnerException ?? e).Message}"]);
        }

        var reader = new ConfigReader(root, [(root.Providers.First(), $"in {full}")]);
        reader.OnlyKeys("", "alpha", "bootstrap", "minimumSeeds", "claims", "published");
        reader.OnlyKeys("bootstrap", "resamples", "seed");
        var alpha = reader.Double("alpha", 0.05, a => a > 0 && a < 1, "a number in (0, 1)");
        var resamples = reader.Int("bootstrap:resamples", 4000, 200, 1_000_000);
        var seed = (ulong)reader.Int("bootstrap:seed", 1, 0);
        var minimumSeeds = reader.Int("minimumSeeds", ClaimSet.DefaultMinimumSeeds, 2);

        var claims = reader.Indices("claims").Select(i => ReadClaim(reader, $"claims:{i}")).ToList();
        if (claims.Count == 0) reader.Error("claims", "missing; at least one claim is required");
        foreach (var duplicate in claims.GroupBy(c => c.Id).Where(g => g.Count() > 1))
            reader.Error("claims", $"claim id '{duplicate.Key}' is used more than once");

        reader.OnlyKeys("published", "metrics", "outliers", "note");
        var metrics = reader.Has("published:metrics") ? reader.Array("published:metrics", p => Metric(reader, p)) : ["final_val_loss", "final_val_acc"];
        var outliers = reader.Indices("published:outliers").Select(i =>
        {
            var p = $"published:outliers:{i}";
            reader.OnlyKeys(p, "configuration", "metric", "reason");
            return new PublishedOutlier(reader.String($"{p}:configuration", required: true) ?? "", Metric(reader, $"{p}:metric"),
                reader.String($"{p}:reason", required: true) ?? "");
        }).ToList();

        return reader.Errors.Count == 0 ? new ClaimSet(alpha, resamples, seed, claims, metrics, outliers, full, minimumSeeds) : throw new ConfigurationException(reader.Errors);
    }

    private static Claim ReadClaim(ConfigReader reader, string path)
    {
        reader.OnlyKeys(path, "id", "statement", "tutorial", "metric", "test", "direction", "paired", "axis", "parts", "expected", "reason");
        var id = reader.String($"{path}:id", required: true) ?? "";
        var metric = Metric(reader, $"{path}:metric");
        var defaults = (Test: reader.String($"{path}:test"), Direction: reader.String($"{path}:direction"),
            Paired: reader.String($"{path}:paired"), Axis: reader.String($"{path}:axis"));
        var parts = reader.Indices($"{path}:parts").Select(i => ReadPart(reader, $"{path}:parts:{i}", defaults)).ToList();
        if (parts.Count == 0) reader.Error($"{path}:parts", "missing; at least one comparison is required");
        var expectedText = reader.String($"{path}:expected", required: true) ?? "";
        if (!Enum.TryParse<ClaimVerdict>(expectedText, ignoreCase: true, out var expected) || int.TryParse(expectedText, out _))
            reader.Error($"{path}:expected", $"expected supported, refuted or inconclusive, found '{expectedText}'");
        return new Claim(id, reader.String($"{path}:statement", required: true) ?? "", reader.String($"{path}:tutorial") ?? "",
            metric, parts, expected, reader.String($"{path}:reason", required: true) ?? "");
    }

    private static ClaimPart ReadPart(ConfigReader reader, string path, (string? Test, string? Direction, string? Paired, string? Axis) defaults)
    {
        reader.OnlyKeys(path, "name", "test", "direction", "paired", "where", "axis", "a", "b", "c", "d");
        var testText = reader.String($"{path}:test") ?? defaults.Test ?? "";
        if (!Enum.TryParse<ComparisonTest>(testText, ignoreCase: true, out var test) || int.TryParse(testText, out _))
            reader.Error($"{path}:test", $"expected probability, trend or contrast (here or on the claim), found '{testText}'");

        var direction = reader.String($"{path}:direction") ?? defaults.Direction ?? "";
        ClaimedSide side = ClaimedSide.Greater;
        if (direction is "greater" or "increasing") side = ClaimedSide.Greater;
        else if (direction is "less" or "decreasing") side = ClaimedSide.Less;
        else reader.Error($"{path}:direction", $"expected greater, less, increasing or decreasing (here or on the claim), found '{direction}'");

        var pairedText = reader.String($"{path}:paired") ?? defaults.Paired ?? "false";
        if (!bool.TryParse(pairedText, out var paired)) reader.Error($"{path}:paired", $"expected true or false, found '{pairedText}'");

        var axis = reader.String($"{path}:axis") ?? defaults.Axis;
        RunFilter? Filter(string key) => reader.Has($"{path}:{key}") ? ReadFilter(reader, $"{path}:{key}") : null;
        var part = new ClaimPart(reader.String($"{path}:name") ?? "", test, side, paired, Filter("where"), axis, Filter("a"), Filter("b"), Filter("c"), Filter("d"));

        string[] needed = test switch
        {
            ComparisonTest.Probability => ["a", "b"],
            ComparisonTest.Trend => ["where"],
            _ => ["a", "b", "c", "d"],
        };
        foreach (var key in needed.Where(k => !reader.Has($"{path}:{k}")))
            reader.Error($"{path}:{key}", $"missing; a {test.ToString().ToLowerInvariant()} comparison needs {string.Join(", ", needed)}");
        if (test == ComparisonTest.Trend && axis is not ("layers" or "dropout" or "nTrain"))
            reader.Error($"{path}:axis", $"expected layers, dropout or nTrain for a trend, found '{axis}'");
        return part;
    }

    private static RunFilter ReadFilter(ConfigReader reader, string path)
    {
        reader.OnlyKeys(path, "layers", "dropout", "nTrain");
        int? Int(string key) => reader.Has($"{path}:{key}") ? reader.Int($"{path}:{key}", 0, 1) : null;
        double? dropout = reader.Has($"{path}:dropout") ? reader.Double($"{path}:dropout", 0, v => v >= 0 && v < 1, "a number in [0, 1)") : null;
        return new RunFilter(Int("layers"), dropout, Int("nTrain"));
    }

    private static string Metric(ConfigReader reader, string path)
    {
        var metric = reader.String(path, required: true) ?? "";
        if (metric.Length > 0 && !RunMetrics.Exists(metric))
            reader.Error(path, $"unknown metric '{metric}'; known: {string.Join(", ", RunMetrics.Names)}");
        return metric;
    }
}

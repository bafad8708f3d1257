using System.Text.Json.Nodes;
using Harness.Config;

namespace Harness.Claims.Sequential;

/// <summary>
/// A sequential plan as JSON, the one shape the claims file's <c>decide</c> block and a registration's <c>plan</c> share:
/// <c>{ "maxSeeds", "stage", "spending", "boundaries" }</c> (spending: bonferroni when absent; boundaries: exact when
/// absent, and written only when not, so files and registrations from before the key keep their bytes).
/// </summary>
internal static class PlanJson
{
    public static JsonObject ToNode(SequentialPlan plan)
    {
        var node = new JsonObject { ["maxSeeds"] = plan.MaxSeeds };
        if (plan.Stage is { } stage) node["stage"] = stage;
        node["spending"] = plan.Spending.Name;
        if (plan.Boundaries != SequentialBoundaries.Exact) node["boundaries"] = Name(plan.Boundaries);
        return node;
    }

    /// <summary>Reads the plan at <paramref name="path"/>; unknown keys and values out of range are errors naming their key.</summary>
    internal static SequentialPlan Read(ConfigReader reader, string path, params string[] otherKeys)
    {
        reader.OnlyKeys(path, ["maxSeeds", "stage", "spending", "boundaries", .. otherKeys]);
        var spendingName = reader.String($"{path}:spending") ?? AlphaSpending.Bonferroni.Name;
        var spending = AlphaSpending.Find(spendingName);
        if (spending is null) reader.Error($"{path}:spending",
            $"expected {string.Join(", ", AlphaSpending.All.Select(s => s.Name))}, found '{spendingName}'");
        return new SequentialPlan(reader.Int($"{path}:maxSeeds", SequentialPlan.DefaultMaxSeeds, 2, GridSpec.MaxSeeds),
            reader.Has($"{path}:stage") ? reader.Int($"{path}:stage", 1, 1) : null)
        {
            Spending = spending ?? AlphaSpending.Bonferroni,
            Boundaries = ReadBoundaries(reader, $"{path}:boundaries"),
        };
    }

    /// <summary>How a claims file and <c>--boundaries</c> name a <see cref="SequentialBoundaries"/>: "exact", "union".</summary>
    public static string Name(SequentialBoundaries boundaries) => boundaries.ToString().ToLowerInvariant();

    /// <summary>The boundaries a name gives (case-insensitive), or null.</summary>
    public static SequentialBoundaries? FindBoundaries(string name) =>
        Enum.GetValues<SequentialBoundaries>().Cast<SequentialBoundaries?>()
            .FirstOrDefault(b => Name(b!.Value).Equals(name, StringComparison.OrdinalIgnoreCase));

    private static SequentialBoundaries ReadBoundaries(ConfigReader reader, string key)
    {
        var name = reader.String(key) ?? Name(SequentialBoundaries.Exact);
        if (FindBoundaries(name) is { } boundaries) return boundaries;
        reader.Error(key, $"expected {string.Join(", ", Enum.GetValues<SequentialBoundaries>().Select(Name))}, found '{name}'");
        return SequentialBoundaries.Exact;
    }
}

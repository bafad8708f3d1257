using System.Text.Json.Nodes;
using Harness.Config;

namespace Harness.Claims.Sequential;

/// <summary>
/// A sequential plan as JSON, the one shape the claims file's <c>decide</c> block and a registration's <c>plan</c> share:
/// <c>{ "maxSeeds", "stage", "spending" }</c> (spending: bonferroni when absent).
/// </summary>
internal static class PlanJson
{
    public static JsonObject ToNode(SequentialPlan plan)
    {
        var node = new JsonObject { ["maxSeeds"] = plan.MaxSeeds };
        if (plan.Stage is { } stage) node["stage"] = stage;
        node["spending"] = plan.Spending.Name;
        return node;
    }

    /// <summary>Reads the plan at <paramref name="path"/>; unknown keys and values out of range are errors naming their key.</summary>
    internal static SequentialPlan Read(ConfigReader reader, string path, params string[] otherKeys)
    {
        reader.OnlyKeys(path, ["maxSeeds", "stage", "spending", .. otherKeys]);
        var spendingName = reader.String($"{path}:spending") ?? AlphaSpending.Bonferroni.Name;
        var spending = AlphaSpending.Find(spendingName);
        if (spending is null) reader.Error($"{path}:spending",
            $"expected {string.Join(", ", AlphaSpending.All.Select(s => s.Name))}, found '{spendingName}'");
        return new SequentialPlan(reader.Int($"{path}:maxSeeds", SequentialPlan.DefaultMaxSeeds, 2, GridSpec.MaxSeeds),
            reader.Has($"{path}:stage") ? reader.Int($"{path}:stage", 1, 1) : null) { Spending = spending ?? AlphaSpending.Bonferroni };
    }
}

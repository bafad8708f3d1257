using System.Text.Json.Nodes;
using Harness.Config;

namespace Harness.Claims.Sequential;

/// <summary>
/// A sequential plan as JSON, the one shape the claims file's <c>decide</c> block and a registration's <c>plan</c> share:
/// <c>{ "maxSeeds", "stage" }</c>.
/// </summary>
public static class PlanJson
{
    public static JsonObject ToNode(SequentialPlan plan)
    {
        var node = new JsonObject { ["maxSeeds"] = plan.MaxSeeds };
        if (plan.Stage is { } stage) node["stage"] = stage;
        return node;
    }

    /// <summary>Reads the plan at <paramref name="path"/>; unknown keys and values out of range are errors naming their key.</summary>
    internal static SequentialPlan Read(ConfigReader reader, string path, params string[] otherKeys)
    {
        reader.OnlyKeys(path, ["maxSeeds", "stage", .. otherKeys]);
        return new SequentialPlan(reader.Int($"{path}:maxSeeds", SequentialPlan.DefaultMaxSeeds, 2, GridSpec.MaxSeeds),
            reader.Has($"{path}:stage") ? reader.Int($"{path}:stage", 1, 1) : null);
    }
}

using System.Text.Json.Nodes;
using Harness.Claims.Sequential;

namespace Harness.Claims;

/// <summary>
/// A registration as JSON, the one shape both <c>claims.json</c> files use (the experiment's, and the report's):
/// <c>{ "verdict", "kind", "seeds", "profile", "date", "commit", "inference" }</c>, seeds and profile only for a snapshot, and
/// for a verdict a sequential run reached, the <c>"look"</c> of its <c>"plan"</c>.
/// </summary>
internal static class RegistrationJson
{
    public static JsonObject ToNode(Registration registration)
    {
        var node = new JsonObject
        {
            ["verdict"] = Text(registration.Verdict),
            ["kind"] = Text(registration.Kind),
        };
        if (registration.LastSeed is { } lastSeed) node["lastSeed"] = lastSeed;
        if (registration.Seeds is { } seeds) node["seeds"] = seeds;
        if (registration.Profile is { } profile) node["profile"] = profile;
        node["date"] = registration.DateText;
        node["commit"] = registration.Commit;
        if (registration.Inference is { } inference) node["inference"] = inference;
        if (registration.Look is { } look) node["look"] = look;
        if (registration.Plan is { } plan) node["plan"] = PlanJson.ToNode(plan);
        return node;
    }

    /// <summary>Enum values as users type them: "supported", "preregistered", and "post hoc" as a declaration writes it.</summary>
    public static string Text<T>(T value) where T : struct, Enum =>
        value is RegistrationKind.PostHoc ? "post hoc" : value.ToString().ToLowerInvariant();
}

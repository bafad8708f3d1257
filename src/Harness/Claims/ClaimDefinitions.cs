using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harness.Claims;

/// <summary>
/// What in a claims file decides a claim's verdict: the file's statistical settings (alpha, bootstrap, minimumSeeds, decide)
/// and the claim's own keys, without what a registration writes (<c>expected</c>, <c>decided</c>) and without its prose
/// (<c>reason</c>, which
/// explains a verdict once it is known). A registration's commit must hold the same definitions, or the registration
/// would not say which claim it is the verdict of.
/// </summary>
internal static class ClaimDefinitions
{
    private static readonly string[] Settings = ["alpha", "bootstrap", "minimumSeeds", "decide"];
    private static readonly string[] NotDefinitions = ["expected", "decided", "reason"];

    /// <summary>
    /// How the claims file <paramref name="then"/> (e.g. as committed) defines claim <paramref name="id"/> differently from
    /// <paramref name="now"/>: one line per key that differs, empty when the definitions are the same.
    /// </summary>
    public static IReadOnlyList<string> Differences(string then, string now, string id)
    {
        var (old, current) = (Parse(then), Parse(now));
        var differences = Settings.Where(key => !JsonNode.DeepEquals(old?[key], current?[key]))
            .Select(key => $"{key}: {Show(old?[key])} then, {Show(current?[key])} now").ToList();
        var (claimThen, claimNow) = (Claim(old, id), Claim(current, id));
        if (claimThen is null) return [.. differences, $"claims: no claim '{id}' then"];
        if (claimNow is null) return [.. differences, $"claims: no claim '{id}' now"];
        var keys = claimThen.Select(p => p.Key).Union(claimNow.Select(p => p.Key)).Except(NotDefinitions).Order(StringComparer.Ordinal);
        differences.AddRange(keys.Where(key => !JsonNode.DeepEquals(claimThen[key], claimNow[key]))
            .Select(key => $"claims[{id}].{key}: {Show(claimThen[key])} then, {Show(claimNow[key])} now"));
        return differences;
    }

    private static JsonNode? Parse(string json) => JsonNode.Parse(json, documentOptions:
        new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });

    private static JsonObject? Claim(JsonNode? file, string id) => (file?["claims"] as JsonArray)?.OfType<JsonObject>()
        .FirstOrDefault(c => c["id"] is JsonValue v && v.TryGetValue<string>(out var text) && text == id);

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "absent";
        return text.Length > 80 ? text[..77] + "..." : text;
    }
}

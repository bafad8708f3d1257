using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.IO;

namespace Harness.Claims;

/// <summary>
/// Records registrations in a claims file, so nobody hand-edits verdicts: each named claim's <c>expected</c> is replaced,
/// every other key keeps its value and place. Written whole to a temporary file and moved over the old one, so a reader
/// never sees it half-written. Comments in the file are not kept (JSON has none; the loader tolerates them).
/// </summary>
internal static class RegistrationWriter
{
    /// <param name="key">Which registration to replace: <c>expected</c> (a single look's), or <c>decided</c> (the plan's).</param>
    public static void Write(string claimsPath, IReadOnlyDictionary<string, Registration> registrations, string key = "expected")
    {
        // Case-insensitive like the loader, which reads claims.json through Microsoft.Extensions.Configuration.
        var root = JsonNode.Parse(File.ReadAllText(claimsPath), new JsonNodeOptions { PropertyNameCaseInsensitive = true },
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var claims = (root?["claims"] as JsonArray)?.OfType<JsonObject>().ToList()
            ?? throw new InvalidDataException($"{claimsPath}: claims: expected an array of claims");
        var missing = registrations.Keys.Where(id => !claims.Any(c => Id(c) == id)).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"{claimsPath}: no claim has the id " +
            $"{string.Join(", ", missing.Select(id => $"'{id}'"))}");

        foreach (var claim in claims)
            if (registrations.TryGetValue(Id(claim) ?? "", out var registration))
                claim[key] = RegistrationJson.ToNode(registration);
        AtomicFile.WriteAllText(claimsPath, DeterministicJson.WriteReadable(json => root!.WriteTo(json)));
    }

    private static string? Id(JsonObject claim) => claim["id"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : null;
}

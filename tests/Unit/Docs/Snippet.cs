using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harness.Tests.Unit.Docs;

/// <summary>
/// What a snippet marker names, as the block must read: a file's whole text, or one value of a JSON file (the part after
/// <c>#</c> is a JSON pointer) written as <c>"key": value</c> on one line, so a page can show one key of a file a test
/// loads instead of a hand-copied fragment.
/// </summary>
internal static class Snippet
{
    public static string Render(string source)
    {
        var (file, pointer) = source.Split('#', 2) is [var f, var p] ? (f, p) : (source, null);
        var path = Path.Combine(DocPage.Root, file);
        if (!File.Exists(path)) throw new FileNotFoundException($"snippet {source}: no file {file} in the repository");
        var text = File.ReadAllText(path).TrimEnd('\n');
        if (pointer is null) return text;
        var node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var key = "";
        foreach (var step in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            key = step;
            node = node switch
            {
                JsonObject o when o.TryGetPropertyValue(step, out var child) => child,
                JsonArray a when int.TryParse(step, out var index) && index < a.Count => a[index],
                _ => throw new KeyNotFoundException($"snippet {source}: {file} has nothing at {pointer} (no '{step}')"),
            };
        }
        return int.TryParse(key, out _) ? OneLine(node) : $"{JsonSerializer.Serialize(key)}: {OneLine(node)}";
    }

    /// <summary>A JSON value on one line, with a space after each separator, as the shipped files write short objects.</summary>
    private static string OneLine(JsonNode? node) => node switch
    {
        JsonObject o => o.Count == 0 ? "{}"
            : $"{{ {string.Join(", ", o.Select(p => $"{JsonSerializer.Serialize(p.Key)}: {OneLine(p.Value)}"))} }}",
        JsonArray a => $"[{string.Join(", ", a.Select(OneLine))}]",
        null => "null",
        _ => node.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
    };

    /// <summary>The page with every snippet block rewritten from its source: how an intended change reaches the docs.</summary>
    public static string Rewrite(DocPage page)
    {
        var lines = File.ReadAllText(page.Path).Split('\n').ToList();
        foreach (var block in page.Blocks.Where(b => b.Snippet is not null).OrderByDescending(b => b.Line))
        {
            var count = block.Text.Length == 0 ? 0 : block.Text.Split('\n').Length;
            lines.RemoveRange(block.Line, count);
            lines.InsertRange(block.Line, Render(block.Snippet!).Split('\n'));
        }
        return new StringBuilder().AppendJoin('\n', lines).ToString();
    }
}

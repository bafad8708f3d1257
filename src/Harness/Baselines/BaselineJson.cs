using System.Text.Json;

namespace Harness.Baselines;

/// <summary>Opens a baseline file as JSON; an unreadable file or invalid JSON becomes an error naming the file.</summary>
internal static class BaselineJson
{
    public static JsonDocument Parse(string path)
    {
        try
        {
            var document = JsonDocument.Parse(File.ReadAllText(path));
            if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
            document.Dispose();
            throw new BaselineFormatException(path, "expected a JSON object at the top level");
        }
        catch (JsonException e)
        {
            throw new BaselineFormatException(path, $"invalid JSON: {e.Message}");
        }
        catch (IOException e)
        {
            throw new BaselineFormatException(path, $"cannot be read: {e.Message}");
        }
    }
}

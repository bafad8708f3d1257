using System.Text.Json;

namespace Harness.IO;

/// <summary>Opens a JSON file whose top level must be an object; an unreadable file or invalid JSON is an error naming the file.</summary>
public static class JsonFile
{
    /// <exception cref="InvalidDataException">"PATH: invalid JSON: …", "PATH: cannot be read: …" or "PATH: expected a
    /// JSON object at the top level".</exception>
    public static JsonDocument Parse(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: invalid JSON: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new InvalidDataException($"{path}: cannot be read: {e.Message}", e);
        }
        if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
        document.Dispose();
        throw new InvalidDataException($"{path}: expected a JSON object at the top level");
    }
}

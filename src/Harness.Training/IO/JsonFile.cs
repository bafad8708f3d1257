using System.Text.Json;

namespace Harness.IO;

/// <summary>Opens a JSON file whose top level must be an object; an unreadable file or invalid JSON is an error naming the file.</summary>
internal static class JsonFile
{
    /// <exception cref="InvalidDataException">"PATH:LINE:COLUMN: not valid JSON: …" (<see cref="NotJson"/>), "PATH: cannot be
    /// read: …" or "PATH: expected a JSON object at the top level".</exception>
    public static JsonDocument Parse(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(NotJson(path, e), e);
        }
        catch (IOException e)
        {
            throw new InvalidDataException($"{path}: cannot be read: {e.Message}", e);
        }
        if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
        document.Dispose();
        throw new InvalidDataException($"{path}: expected a JSON object at the top level");
    }

    /// <summary>
    /// "PATH:LINE:COLUMN: not valid JSON: what": every file the harness reads says where its JSON breaks this one way.
    /// System.Text.Json counts lines and positions from 0 and appends them to its message; editors and compilers count from
    /// 1 and put them after the path, where a terminal or an IDE makes them a link.
    /// </summary>
    public static string NotJson(string path, JsonException e)
    {
        if (e is not { LineNumber: { } line, BytePositionInLine: { } position }) return $"{path}: not valid JSON: {e.Message}";
        var where = e.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return $"{path}:{line + 1}:{position + 1}: not valid JSON: {(where > 0 ? e.Message[..where] : e.Message)}";
    }
}

using System.Text;
using System.Text.Json;

namespace Harness.IO;

/// <summary>
/// JSON that is the same bytes for the same content: keys in the order written, numbers in shortest round-trip form
/// (invariant culture), two-space indentation, LF line ends and a final newline. Every file Harness compares or
/// commits is written through here, so re-writing identical results changes no byte.
/// </summary>
public static class DeterministicJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n" };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options)) write(json);
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}

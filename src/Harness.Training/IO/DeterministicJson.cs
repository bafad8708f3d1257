using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Harness.IO;

/// <summary>
/// JSON that is the same bytes for the same content: keys in the order written, numbers in shortest round-trip form
/// (invariant culture), two-space indentation, LF line ends and a final newline. Every file Harness compares or
/// commits is written through here, so re-writing identical results changes no byte.
/// </summary>
internal static class DeterministicJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n" };

    /// <summary>For files people also edit by hand (claims.json): text kept as typed, not escaped (' stays ', not \u0027).
    /// Safe there: these files are read as JSON, never embedded in HTML.</summary>
    private static readonly JsonWriterOptions Readable = Options with { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(Action<Utf8JsonWriter> write) => Write(write, Options);

    public static string WriteReadable(Action<Utf8JsonWriter> write) => Write(write, Readable);

    private static string Write(Action<Utf8JsonWriter> write, JsonWriterOptions options)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, options)) write(json);
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}

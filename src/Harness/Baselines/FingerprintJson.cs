using System.Globalization;
using System.Text.Json;
using Harness.Native;

namespace Harness.Baselines;

/// <summary>Reads the environment fingerprint of a baseline file (RunResultJson.WriteFingerprint writes it).</summary>
public static class FingerprintJson
{
    public static EnvironmentFingerprint Read(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new BaselineFormatException(path, "'fingerprint' must be an object");
        var names = new[] { "torchsharp", "libtorch", "os", "cpu", "cpu_capability", "intra_op_threads", "mkl_cbwr", "aten_cpu_capability" };
        var values = names.ToDictionary(n => n, n =>
            element.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null);
        var missing = values.Where(v => v.Value is null).Select(v => $"'{v.Key}'").ToList();
        if (missing.Count > 0)
            throw new BaselineFormatException(path, $"fingerprint is missing {string.Join(", ", missing)} (each a non-empty string)");
        var threads = values["intra_op_threads"]!;
        if (!int.TryParse(threads, NumberStyles.Integer, CultureInfo.InvariantCulture, out var intraOp) || intraOp < 1)
            throw new BaselineFormatException(path, $"fingerprint.intra_op_threads must be a positive integer, found '{threads}'");
        return new EnvironmentFingerprint(values["torchsharp"]!, values["libtorch"]!, values["os"]!, values["cpu"]!, values["cpu_capability"]!,
            intraOp, values["mkl_cbwr"]!, values["aten_cpu_capability"]!);
    }
}

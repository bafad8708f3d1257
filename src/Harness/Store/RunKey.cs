using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Harness.Settings;
using Harness.History;
using Harness.IO;

namespace Harness.Store;

/// <summary>
/// A stored run's name: the SHA-256 of its inputs, written as deterministic JSON (<see cref="Inputs"/>): every setting's
/// effective value (defaults written out, unlike the run id), a C# model's code identity (<see cref="ModelCode"/>), and the
/// process's <see cref="KeyContext"/>. Equal keys mean
/// the same training on the same data by the same code under comparable numerics, so the same bits.
/// </summary>
internal sealed record RunKey(string Hash, string Inputs)
{
    public static RunKey For(RunConfig config, KeyContext context)
    {
        var inputs = DeterministicJson.Write(json => WriteInputs(json, config, context));
        return FromInputs(inputs);
    }

    /// <summary>The key of inputs as written (an entry's own, read back to check it names itself).</summary>
    public static RunKey FromInputs(string inputs) =>
        new(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(inputs))), inputs);

    private static void WriteInputs(Utf8JsonWriter json, RunConfig config, KeyContext context)
    {
        json.WriteStartObject();
        json.WriteString("code", context.Code);
        // Only a C# model's runs carry its code's identity: every other run's inputs, and so its key, stay as they were.
        if (config.ModelClass is { } model) json.WriteString("modelCode", model.Code);
        json.WriteString("runtime", context.Runtime);
        json.WritePropertyName("fingerprint");
        RunResultJson.WriteFingerprint(json, context.Fingerprint.Fields);
        json.WriteStartObject("data");
        foreach (var (file, sha256) in context.Data) json.WriteString(file, sha256);
        json.WriteEndObject();
        json.WritePropertyName("config");
        RunResultJson.WriteConfig(json, config);
        json.WriteEndObject();
    }
}

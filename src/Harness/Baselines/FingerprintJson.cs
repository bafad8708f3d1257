using System.Collections.Immutable;
using System.Text.Json;
using Harness.Native;

namespace Harness.Baselines;

/// <summary>
/// Reads the fingerprint of a baseline file: its numerics profile and exactly the fields that profile's comparability
/// rule names (RunResultJson writes them).
/// </summary>
internal static class FingerprintJson
{
    /// <summary>The fingerprint object of an ensemble baseline.</summary>
    public static ComparableFingerprint Read(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new BaselineFormatException(path, "'fingerprint' must be an object");
        return Read([.. element.EnumerateObject().Select(p => p.Name)],
            name => element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null, path);
    }

    /// <summary>
    /// The fingerprint's fields as <see cref="History.RunResultJson.Read{TFingerprint}"/> reads them from an exact
    /// baseline.
    /// </summary>
    public static ComparableFingerprint Read(IReadOnlyDictionary<string, string> fields, string path) =>
        Read([.. fields.Keys], name => fields.GetValueOrDefault(name), path);

    /// <param name="names">Every field the file holds, in file order.</param>
    /// <param name="value">A field's text; null when it is absent or not a string.</param>
    private static ComparableFingerprint Read(IReadOnlyList<string> names, Func<string, string?> value, string path)
    {
        string? Text(string name) => value(name) is { Length: > 0 } s ? s : null;

        var numerics = Text(EnvironmentFingerprint.NumericsField)
            ?? throw new BaselineFormatException(path,
                $"fingerprint is missing '{EnvironmentFingerprint.NumericsField}' ({NumericsProfile.Names})");
        var profile = NumericsProfile.Find(numerics)
            ?? throw new BaselineFormatException(path, $"fingerprint.numerics is '{numerics}', expected {NumericsProfile.Names}");

        var missing = profile.ComparableFields.Where(f => Text(f) is null).Select(f => $"'{f}'").ToList();
        if (missing.Count > 0)
            throw new BaselineFormatException(path,
                $"fingerprint is missing {string.Join(", ", missing)} (each a non-empty string; the " +
                $"'{profile.Name}' profile compares them)");
        var extra = names.Where(n => !profile.ComparableFields.Contains(n)).ToList();
        if (extra.Count > 0)
            throw new BaselineFormatException(path,
                $"fingerprint has {string.Join(", ", extra.Select(n => $"'{n}'"))}, which the '{profile.Name}' profile does not compare; " +
                $"expected exactly: {string.Join(", ", profile.ComparableFields)}");
        return new ComparableFingerprint([.. profile.ComparableFields.Select(f => (f, Text(f)!))]);
    }
}

using System.Globalization;
using Harness.IO;
using Microsoft.Extensions.Configuration;

namespace Harness.Config;

/// <summary>
/// Typed, validating reads from a configuration tree. Problems are collected, not thrown, so a user sees them
/// all at once; each names the key's path, where its value came from, what was expected and what was found.
/// </summary>
internal sealed class ConfigReader(IConfigurationRoot root, IReadOnlyList<(IConfigurationProvider Provider, string Origin)> origins)
{
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;

    public void Error(string path, string message) => _errors.Add($"{path}: {message} ({OriginOf(path)})");

    /// <summary>Flags every key under <paramref name="path"/> that is not in <paramref name="allowed"/>.</summary>
    public void OnlyKeys(string path, params string[] allowed)
    {
        // The root is not a section: GetSection("") has no children, so read the root's own.
        var node = path.Length == 0 ? (IConfiguration)root : Section(path);
        foreach (var child in node.GetChildren())
            if (!allowed.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
                Error(Join(path, child.Key), $"unknown key; expected one of: {string.Join(", ", allowed)}");
    }

    public bool Has(string path) => Section(path).Exists();

    public string? String(string path, bool required = false)
    {
        var section = Section(path);
        if (section.GetChildren().Any()) Error(path, "expected a string, found an object or array");
        else if (section.Value is { } value) return value;
        else if (required) Error(path, "missing; a string is required");
        return null;
    }

    public int Int(string path, int fallback, int min, int max = int.MaxValue) =>
        Number(path, fallback, s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null,
            v => v >= min && v <= max, max == int.MaxValue ? $"an integer >= {min}" : $"an integer in [{min}, {max}]");

    public double Double(string path, double fallback, Func<double, bool> inRange, string expected) =>
        Number(path, fallback, s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            && double.IsFinite(v) ? v : null,
            inRange, expected);

    public IReadOnlyList<T> Array<T>(string path, Func<string, T> item)
    {
        var section = Section(path);
        if (!section.Exists())
        {
            Error(path, "missing; a non-empty array is required");
            return [];
        }
        var children = section.GetChildren().ToList();
        if (children.Count == 0 || children.Any(c => !int.TryParse(c.Key, out _)))
        {
            Error(path, section.Value is { } v ? $"expected an array, found '{v}'" : "expected a non-empty array");
            return [];
        }
        return children.OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture)).Select(c => item(Join(path, c.Key))).ToList();
    }

    /// <summary>
    /// A run setting's value, parsed and range-checked by the setting itself; null (and an error) when it does not
    /// parse.
    /// </summary>
    public object? Setting(string path, Settings.RunSetting setting)
    {
        var text = String(path, required: true);
        if (text is null) return null;
        var value = setting.Parse(text, out var error);
        if (error is not null) Error(path, error);
        return value;
    }

    /// <summary>The keys of an object, as written (case kept).</summary>
    public IEnumerable<string> ChildKeys(string path) => Section(path).GetChildren().Select(c => c.Key);

    public IEnumerable<string> Indices(string path) =>
        Section(path).GetChildren().Select(c => c.Key).Where(k => int.TryParse(k, out _))
            .OrderBy(k => int.Parse(k, CultureInfo.InvariantCulture));

    /// <summary>A JSON file the configuration builder could not read, with where (<see cref="JsonFile.NotJson"/>): the innermost
    /// exception is System.Text.Json's, the one that knows the line and position; the builder's own says only that parsing
    /// failed.</summary>
    public static ConfigurationException NotJson(string path, Exception e) =>
        new([e.GetBaseException() is System.Text.Json.JsonException json ? JsonFile.NotJson(path, json)
            : $"{path}: not valid JSON: {e.GetBaseException().Message}"]);

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}:{key}";

    private T Number<T>(string path, T fallback, Func<string, T?> parse, Func<T, bool> inRange, string expected) where T : struct
    {
        var section = Section(path);
        if (!section.Exists()) return fallback;
        if (section.Value is null)
        {
            Error(path, $"expected {expected}, found an object or array");
            return fallback;
        }
        if (parse(section.Value) is { } value && inRange(value)) return value;
        Error(path, $"expected {expected}, found '{section.Value}'");
        return fallback;
    }

    private IConfigurationSection Section(string path) => root.GetSection(path);

    /// <summary>The last source that set the key or anything under it: later sources override earlier ones.</summary>
    private string OriginOf(string path)
    {
        for (var i = origins.Count - 1; i >= 0; i--)
        {
            var (provider, origin) = origins[i];
            if (provider.TryGet(path, out _) || provider.GetChildKeys([], path).Any())
                return Describe(origin, path);
        }
        return origins.Count > 0 ? Describe(origins[0].Origin, path) : "unknown source";
    }

    /// <summary>Fills an origin template: {key} is the path as written in JSON, {key__} as an environment variable spells it.</summary>
    private static string Describe(string origin, string path) =>
        origin.Replace("{key__}", path.Replace(":", "__", StringComparison.Ordinal), StringComparison.Ordinal)
              .Replace("{key}", path, StringComparison.Ordinal);
}

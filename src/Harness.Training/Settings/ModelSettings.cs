using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Harness.Settings;

/// <summary>
/// The settings C# models declare (a <c>hidden</c> width), as run settings: a grid axis, a claim filter, a CSV column and a
/// run-id token (<c>hidden-64</c>) like any other setting, named without a prefix. Its default is the run's
/// <see cref="ClassModel"/>'s declared value; a run whose model does not declare it does not use it. One instance per name,
/// made when an experiment naming the class is read, so settings compare by reference as the built-in ones do.
/// </summary>
internal static partial class ModelSettings
{
    private static readonly ConcurrentDictionary<string, RunSetting> Settings = new(StringComparer.Ordinal);

    public static RunSetting? Find(string name) => Settings.TryGetValue(name, out var setting) ? setting : null;

    public static bool IsModelSetting(RunSetting setting) => Find(setting.Name) == setting;

    /// <summary>The setting <paramref name="name"/> a model declares with a default of <paramref name="value"/>'s type, or why
    /// it cannot be one (a name taken by a built-in setting, a type no setting has, another model's setting of another type).</summary>
    public static RunSetting? Declare(string name, object value, out string? error)
    {
        error = null;
        var kind = value switch
        {
            int => SettingKind.Integer,
            double => SettingKind.Number,
            bool => SettingKind.Boolean,
            _ => (SettingKind?)null,
        };
        if (kind is null) error = $"setting '{name}' has a default of type {value.GetType().Name}; expected int, double or bool";
        else if (!Name().IsMatch(name)) error = $"setting name '{name}' must be letters and digits, beginning with a letter " +
            "(it becomes a run-id token and a CSV column)";
        else if (RunSettings.All.Any(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            error = $"setting '{name}' is a built-in run setting's name; expected another name";
        if (error is not null) return null;
        var setting = Settings.GetOrAdd(name, _ => new RunSetting
        {
            Name = name, Token = name, FileKey = name, Kind = kind!.Value, Description = $"the C# model's setting '{name}'",
            Expected = kind switch { SettingKind.Integer => "an integer", SettingKind.Number => "a number", _ => "true or false" },
            Get = r => r.LayerValues[name],
            Set = (r, v) => r with { LayerValues = r.LayerValues.Set(name, v) },
            Default = r => r.ModelClass?.Values.GetValueOrDefault(name),
        });
        if (setting.Kind != kind) error = $"setting '{name}' is {setting.Expected} in another model class loaded in this process; " +
            "expected the same type for the same name";
        return error is null ? setting : null;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex Name();
}

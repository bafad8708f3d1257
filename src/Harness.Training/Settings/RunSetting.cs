using System.Globalization;

namespace Harness.Settings;

/// <summary>
/// One knob of a training run, described once: its name (the key in <c>"run"</c>, in a grid's <c>"axes"</c>, in claim
/// filters and, kebab-cased, the option of <c>harness run</c>), its token in run ids and CSV columns, its key in result
/// files, its values, and how to read and set it on a <see cref="RunConfig"/>. Everything that lists, parses, prints or
/// groups run settings goes through <see cref="RunSettings.All"/>, so a new setting is one entry there.
/// </summary>
internal sealed class RunSetting
{
    /// <summary>As written in JSON: <c>learningRate</c>.</summary>
    public required string Name { get; init; }

    /// <summary>In run ids and CSV columns: <c>lr</c> (<c>lr-0.01</c>).</summary>
    public required string Token { get; init; }

    /// <summary>In result files and baselines: <c>learning_rate</c>.</summary>
    public required string FileKey { get; init; }

    public required string Description { get; init; }
    public required SettingKind Kind { get; init; }

    /// <summary>For <see cref="SettingKind.Choice"/>: the values allowed, lower case.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Range check on a parsed value; <see cref="Expected"/> says what passes.</summary>
    public Func<object, bool> InRange { get; init; } = _ => true;

    public required string Expected { get; init; }

    /// <summary>The value as set on the run, or null when left to its default (only optimizer hyperparameters can be).</summary>
    public required Func<RunConfig, object?> Get { get; init; }

    public required Func<RunConfig, object, RunConfig> Set { get; init; }

    /// <summary>The value a run has when this setting is not given; null when the run does not use the setting at all.</summary>
    public required Func<RunConfig, object?> Default { get; init; }

    /// <summary>An optimizer hyperparameter: used only by the optimizers whose definition names it.</summary>
    public bool IsHyperparameter { get; init; }

    /// <summary>Always written in run ids, even at the default (the tutorial's ids name depth, dropout and n).</summary>
    public bool AlwaysInId { get; init; }

    /// <summary>Can be a grid axis (every setting but the seed, which grids give as <c>"seeds"</c>).</summary>
    public bool IsAxis { get; init; } = true;

    /// <summary>Numeric settings can carry a trend; choices cannot.</summary>
    public bool IsNumeric => Kind is SettingKind.Integer or SettingKind.Number;

    /// <summary>The value the run trains with: as set, else the default; null when unused.</summary>
    public object? Effective(RunConfig run) => Get(run) ?? Default(run);

    /// <summary>Kebab case, for the command line: <c>learning-rate</c>.</summary>
    public string OptionName =>
        string.Concat(Name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>Parses text (configuration or command line) into this setting's value type, or says what was expected.</summary>
    public object? Parse(string text, out string? error)
    {
        error = null;
        object? value = Kind switch
        {
            SettingKind.Integer => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null,
            SettingKind.Number => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                && double.IsFinite(d) ? d : null,
            SettingKind.Boolean => bool.TryParse(text, out var b) ? b : null,
            _ => Choices.FirstOrDefault(c => c.Equals(text, StringComparison.OrdinalIgnoreCase)),
        };
        if (value is null || !InRange(value))
        {
            error = $"expected {Expected}, found '{text}'";
            return null;
        }
        return value;
    }

    /// <summary>As run ids, CSV cells and messages print the value: invariant, shortest round trip, lower-case booleans.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal),
        int i => i.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => value.ToString()!.ToLowerInvariant(),
    };

    /// <summary>Orders values of one setting: numbers numerically, everything else by its text.</summary>
    public static int Compare(object? x, object? y) => (x, y) switch
    {
        (IConvertible a, IConvertible b) when a is not string && b is not string =>
            Convert.ToDouble(a, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(b, CultureInfo.InvariantCulture)),
        _ => string.CompareOrdinal(Format(x), Format(y)),
    };

    public static bool SameValue(object? x, object? y) => Compare(x, y) == 0 && (x is null) == (y is null);

    public override string ToString() => Name;
}

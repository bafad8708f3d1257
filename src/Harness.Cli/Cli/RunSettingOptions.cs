using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using Harness.Settings;

namespace Harness.Cli;

/// <summary>
/// One option per run setting, generated from <see cref="RunSettings.All"/> (<c>learningRate</c> becomes
/// <c>--learning-rate</c>), typed by the setting's kind and parsed by the setting itself, so <c>harness run</c> accepts
/// exactly what an experiment's <c>"run"</c> block does and a new setting needs no change here.
/// </summary>
internal sealed class RunSettingOptions
{
    private readonly IReadOnlyList<(RunSetting Setting, Option Option, Func<ParseResult, object?> Given)> _options;

    public RunSettingOptions() => _options = RunSettings.All.Select(Create).ToList();

    public IEnumerable<Option> Options => _options.Select(o => o.Option);

    /// <summary>The option for a setting, as <c>--</c> plus its kebab-case name.</summary>
    public static string OptionName(RunSetting setting) => "--" + setting.OptionName;

    /// <summary>A run with every option given applied to the defaults, in run-id order.</summary>
    public RunConfig Apply(ParseResult parsed) => _options.Aggregate(new RunConfig(),
        (config, o) => o.Given(parsed) is { } value ? o.Setting.Set(config, value) : config);

    /// <summary>
    /// <see cref="RunConfig.Validate"/>'s errors, with the setting's name ("momentum: …") replaced by its option
    /// ("--momentum: …"), which is what the user typed.
    /// </summary>
    public static IReadOnlyList<string> Errors(RunConfig config, int trainingSetSize, int validationSetSize) =>
        config.Validate(trainingSetSize, validationSetSize).Select(error =>
        {
            var colon = error.IndexOf(':');
            return colon > 0 && RunSettings.Find(error[..colon]) is { } setting ? OptionName(setting) + error[colon..] : error;
        }).ToList();

    private static (RunSetting, Option, Func<ParseResult, object?>) Create(RunSetting setting) => setting.Kind switch
    {
        SettingKind.Integer => Typed<int>(setting, "N"),
        SettingKind.Number => Typed<double>(setting, "X"),
        // System.CommandLine reads a bool option as a flag and leaves a word it cannot read as bool unclaimed, so
        // "--nesterov maybe" would not be reported as a bad value of --nesterov: the option holds the text instead.
        SettingKind.Boolean => Typed<string>(setting, "true|false"),
        _ => Typed<string>(setting, string.Join('|', setting.Choices)),
    };

    private static (RunSetting, Option, Func<ParseResult, object?>) Typed<T>(RunSetting setting, string helpName)
    {
        var option = TypedOption.Create<T>(OptionName(setting), Describe(setting), setting.Expected,
            (string text, [MaybeNullWhen(false)] out T value) =>
            {
                var parsed = setting.Parse(text, out _);
                // The text itself for a boolean (see above), the parsed value otherwise.
                value = parsed switch { null => default!, T typed => typed, _ => (T)(object)text };
                return parsed is not null;
            }, helpName);
        var defaultValue = setting.IsHyperparameter ? null : setting.Default(new RunConfig());
        if (defaultValue is T shown) option.DefaultValueFactory = _ => shown;
        // A default shown in help is not a value given: only what the user typed is applied, as the setting reads it.
        return (setting, option, parsed => parsed.GetResult(option) is { Implicit: false, Tokens: [var token] }
            ? setting.Parse(token.Value, out _) : null);
    }

    /// <summary>The setting's description; for a hyperparameter, also its default under each optimizer that uses it.</summary>
    private static string Describe(RunSetting setting)
    {
        if (!setting.IsHyperparameter) return setting.Description;
        var defaults = OptimizerSettings.All
            .Select(o => (o.Name, Value: setting.Default(new RunConfig { Optimizer = o.Name })))
            .Where(d => d.Value is not null)
            .Select(d => $"{d.Name} {RunSetting.Format(d.Value)}").ToList();
        var unused = defaults.Count < OptimizerSettings.All.Count ? "; the others do not use it" : "";
        return $"{setting.Description} [default: {string.Join(", ", defaults)}{unused}]";
    }
}

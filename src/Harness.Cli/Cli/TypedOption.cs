using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Harness.Cli;

/// <summary>
/// Options whose values are parsed by our own rules, so every bad value is reported the same way, naming the option, what
/// it expects and what was found (<c>--workers: expected an integer >= 1, found 'x'</c>), and all of them at once:
/// System.CommandLine runs every option's parser before it reports. Its built-in messages name the CLR type instead.
/// </summary>
internal static class TypedOption
{
    /// <summary>Reads one command-line value; false for anything the option does not allow.</summary>
    public delegate bool TryParse<T>(string text, [MaybeNullWhen(false)] out T value);

    /// <summary>An option taking exactly one value, parsed by <paramref name="parse"/>.</summary>
    public static Option<T> Create<T>(string name, string description, string expected, TryParse<T> parse, string? helpName = null)
    {
        var option = new Option<T>(name) { Description = description, HelpName = helpName, Arity = ArgumentArity.ExactlyOne };
        option.CustomParser = result =>
        {
            // Too few or too many values are reported by the parser itself.
            if (result.Tokens.Count != 1) return default!;
            var text = result.Tokens[0].Value;
            if (parse(text, out var value)) return value;
            result.AddError(Error(name, expected, text));
            return default!;
        };
        return option;
    }

    /// <summary>An integer option with bounds; its default is shown in help.</summary>
    public static Option<int> Integer(string name, string description, int minimum, int defaultValue, int maximum = int.MaxValue)
    {
        var option =
            Create<int>(name, description, Expected(minimum, maximum),
                (string text, out int value) => TryInteger(text, minimum, maximum, out value), "N");
        option.DefaultValueFactory = _ => defaultValue;
        return option;
    }

    /// <summary>An integer option with bounds and no default: null when not given.</summary>
    public static Option<int?> OptionalInteger(string name, string description, int minimum, int maximum = int.MaxValue) =>
        Create<int?>(name, description, Expected(minimum, maximum), (string text, out int? value) =>
        {
            value = TryInteger(text, minimum, maximum, out var parsed) ? parsed : null;
            return value is not null;
        }, "N");

    /// <summary>"--name: expected …, found '…'", as every option error reads.</summary>
    public static string Error(string name, string expected, string found) => $"{name}: expected {expected}, found '{found}'";

    private static string Expected(int minimum, int maximum) =>
        maximum == int.MaxValue ? $"an integer >= {minimum}" : $"an integer in [{minimum}, {maximum}]";

    private static bool TryInteger(string text, int minimum, int maximum, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= minimum && value <= maximum;
}

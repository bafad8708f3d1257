using System.CommandLine;

namespace Harness.Cli;

/// <summary>
/// <c>--set key=value</c>, repeatable: any experiment key as a configuration override (keys use ':' between levels, as in
/// the JSON: <c>--set grids:0:seeds:count=3</c>). The experiment's loader checks the values and names the key; here only
/// the shape is checked, every malformed pair reported at once.
/// </summary>
internal static class SetOption
{
    public const string Example = "grids:0:seeds:count=3";

    public static Option<IReadOnlyDictionary<string, string?>> Create() => new("--set")
    {
        Description = $"override any experiment key, e.g. {Example} (repeatable; later wins)",
        HelpName = "KEY=VALUE",
        // One value per occurrence, any number of occurrences.
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => new Dictionary<string, string?>(),
        CustomParser = result =>
        {
            var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in result.Tokens.Select(t => t.Value))
            {
                var equals = pair.IndexOf('=');
                if (equals <= 0) result.AddError(TypedOption.Error("--set", $"key=value (e.g. {Example})", pair));
                else settings[pair[..equals].Trim()] = pair[(equals + 1)..];
            }
            return settings;
        },
    };
}

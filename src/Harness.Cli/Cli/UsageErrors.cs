using System.CommandLine;
using System.CommandLine.Parsing;

namespace Harness.Cli;

/// <summary>
/// Every problem System.CommandLine found in a command line, as <c>error: …</c> lines: bad values (our parsers' messages
/// name the option, the expected and the found), missing or repeated values, and tokens no command or option claims.
/// Unclaimed tokens are reworded (the parser's "Unrecognized command or argument") so an unknown option is called that.
/// </summary>
internal static class UsageErrors
{
    public static IReadOnlyList<string> Of(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var errors = new List<string>();
        string? previous = null;
        foreach (var token in parsed.UnmatchedTokens)
        {
            if (token.StartsWith('-')) errors.Add($"unknown option '{token}' for '{Name(command)}'");
            else if (command is RootCommand) errors.Add($"unknown command '{token}'; commands: " +
                $"{string.Join(", ", Visible(command.Subcommands))}");
            // A word right after an unknown option is that option's value: one error is enough.
            else if (previous is null || !previous.StartsWith('-')) errors.Add($"unexpected argument '{token}' for '{Name(command)}'");
            previous = token;
        }
        // The parser's own errors for those tokens are replaced by the ones above; with an unknown command reported,
        // "a command is required" would only repeat it.
        var quiet = errors.Count > 0 && command is RootCommand;
        errors.AddRange(parsed.Errors
            .Where(e => !quiet
                && !(e.SymbolResult is CommandResult
                    && parsed.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal))))
            .Select(e => e.Message));
        return errors.Select(e => "error: " + e).ToList();
    }

    /// <summary>"harness run": how the user would type the command.</summary>
    public static string Name(Command command) =>
        command is RootCommand ? CommandLine.Name : $"{CommandLine.Name} {command.Name}";

    private static IEnumerable<string> Visible(IEnumerable<Command> commands) => commands.Where(c => !c.Hidden).Select(c => c.Name);
}

using System.Collections;
using System.CommandLine;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Harness.Report;

namespace Harness.Cli;

/// <summary>
/// The command-line reference, docs/cli.md, rendered from the command definitions themselves (<see cref="CommandLine.Create"/>)
/// so that it cannot say anything <c>--help</c> does not: each visible command in definition order with its description,
/// usage, arguments and options, the options every command takes once, and the exit codes (<see cref="ExitCodes"/>).
/// Hidden commands and options stay out. The same bytes on any machine: invariant culture (System.CommandLine's own texts
/// are localised), no paths, LF line endings. A default that depends on the machine is never a value here: such an option
/// has no default value and says what it is in its description, as <c>[default: …]</c>, which goes to the Default column.
/// </summary>
internal static partial class CommandReference
{
    /// <summary>Where the reference is committed, relative to the repository's root.</summary>
    public const string RelativePath = "docs/cli.md";

    /// <summary>How to regenerate the committed file, as its first line and a stale-reference failure say.</summary>
    public const string Regenerate = "HARNESS_ACCEPT=1 dotnet test tests/Unit --filter FullyQualifiedName~CommandReferenceTests";

    /// <summary>The reference of the command line as <see cref="CommandLine.Create"/> defines it.</summary>
    public static string Render() => Invariant(() => Render(CommandLine.Create()));

    /// <summary>
    /// The reference of <paramref name="root"/>. Create the root inside <see cref="Invariant{T}"/>: System.CommandLine takes the
    /// help option's description from the UI culture when the root is made.
    /// </summary>
    public static string Render(RootCommand root) => Invariant(() =>
    {
        var md = new MarkdownWriter();
        md.Block(new Markdown($"<!-- Generated from the command definitions by src/Harness.Cli/Cli/CommandReference.cs; do not edit. " +
            $"Regenerate: {Regenerate} -->\n"));
        md.Line($"# {Path(root)} command line").Line();
        md.Line($"{root.Description ?? ""}").Line();
        Usage(md, root);
        var commands = Visible(root).ToList();
        Table(md, ["Command", "What it does"],
            commands.Select(c => new[] { new Markdown($"[`{c.Name}`](#{Anchor(Path(c))})"), Text(c.Description) }));
        md.Line($"Every command also takes the [options of every command](#options-of-every-command), and " +
                $"{new Markdown($"`{Path(root)} <command> --help`")} prints its options.").Line();
        Options(md, root.Options.Where(o => !o.Hidden && !o.Recursive), $"Options of {Path(root)} itself:");
        foreach (var command in commands) Section(md, command);
        md.Line($"## Options of every command").Line();
        Options(md, root.Options.Where(o => !o.Hidden && o.Recursive), null);
        ExitCodeSection(md);
        return md.ToString();
    });

    /// <summary>Runs <paramref name="make"/> with the invariant UI culture, so System.CommandLine's own texts are English.</summary>
    public static T Invariant<T>(Func<T> make)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            return make();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    /// <summary>A description's trailing <c>[default: …]</c>: how an option without a default value says what its absence
    /// means.</summary>
    [GeneratedRegex(@"^(?<description>.*?)\s*\[default: (?<default>[^\[\]]*)\]$", RegexOptions.Singleline)]
    private static partial Regex DescribedDefault();

    /// <summary>A command, then its own subcommands, depth first.</summary>
    private static void Section(MarkdownWriter md, Command command)
    {
        md.Line($"## {Path(command)}").Line();
        md.Line($"{command.Description ?? ""}").Line();
        Usage(md, command);
        var arguments = command.Arguments.Where(a => !a.Hidden).ToList();
        if (arguments.Count > 0)
            Table(md, ["Argument", "Description"], arguments.Select(a => new[] { Code(a.HelpName ?? a.Name), Text(a.Description) }));
        if (!Options(md, command.Options.Where(o => !o.Hidden && !o.Recursive), null))
            md.Line($"It takes only the options of every command.").Line();
        foreach (var subcommand in Visible(command)) Section(md, subcommand);
    }

    /// <summary>The options' table, under <paramref name="heading"/> if any; false when there are none.</summary>
    private static bool Options(MarkdownWriter md, IEnumerable<Option> options, string? heading)
    {
        var rows = options.Select(Row).ToList();
        if (rows.Count == 0) return false;
        if (heading is not null) md.Line($"{heading}").Line();
        Table(md, ["Option", "Value", "Default", "Description"], rows);
        return true;
    }

    private static Markdown[] Row(Option option)
    {
        var description = option.Description ?? "";
        string? described = null;
        if (DescribedDefault().Match(description) is { Success: true } match)
            (description, described) = (match.Groups["description"].Value, match.Groups["default"].Value);
        // As --help lists them: shortest first, and without the help option's Windows-style /? and /h.
        var names = new Markdown(string.Join(", ", option.Aliases.Append(option.Name).Where(n => n.StartsWith('-'))
            .OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).Select(n => Code(n).Text)));
        // A bool option is a flag: given, it is true.
        var value = option.Arity.MaximumNumberOfValues == 0 || option.ValueType == typeof(bool) ? new Markdown("")
            : Code(option.HelpName ?? option.Name.TrimStart('-').ToUpperInvariant(),
                option.Arity.MaximumNumberOfValues > 1 ? " …" : "");
        var @default = option.Required ? new Markdown("required")
            : option.HasDefaultValue && Format(option.GetDefaultValue()) is { } shown ? Code(shown)
            : Text(described);
        return [names, value, @default, Text(description)];
    }

    /// <summary>A default value as typed on a command line; null for none worth showing (a flag's false, an empty list).</summary>
    private static string? Format(object? value) => value switch
    {
        null or false => null,
        string text => text,
        IEnumerable list => list.Cast<object>().Any() ? string.Join(' ', list.Cast<object>().Select(Format)) : null,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static void ExitCodeSection(MarkdownWriter md)
    {
        md.Line($"## Exit codes").Line();
        md.Line($"{typeof(ExitCodes).GetCustomAttribute<DescriptionAttribute>()!.Description}").Line();
        var codes = typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .Select(f => (Code: (int)f.GetRawConstantValue()!, f.GetCustomAttribute<DescriptionAttribute>()!.Description))
            .OrderBy(c => c.Code);
        Table(md, ["Code", "Meaning"],
            codes.Select(c => new[] { Code(c.Code.ToString(CultureInfo.InvariantCulture)), Text(c.Description) }));
    }

    /// <summary>A GitHub table; every cell is already Markdown, a line of its own.</summary>
    private static void Table(MarkdownWriter md, string[] header, IEnumerable<Markdown[]> rows)
    {
        md.Block(new Markdown($"| {string.Join(" | ", header)} |\n|{string.Concat(header.Select(_ => "---|"))}\n"));
        foreach (var row in rows) md.Block(new Markdown($"| {string.Join(" | ", row.Select(c => c.Text))} |\n"));
        md.Line();
    }

    private static void Usage(MarkdownWriter md, Command command)
    {
        var usage = new StringBuilder(Path(command));
        if (Visible(command).Any()) usage.Append(" <command>");
        foreach (var argument in command.Arguments.Where(a => !a.Hidden))
            usage.Append(argument.Arity.MinimumNumberOfValues == 0 ? $" [<{argument.Name}>]" : $" <{argument.Name}>");
        md.Block(new Markdown($"```text\n{usage} [options]\n```\n")).Line();
    }

    /// <summary>Text as a table cell or a paragraph: escaped, so nothing in a description reads as markup.</summary>
    private static Markdown Text(string? text) => new(MarkdownText.Escape(text ?? ""));

    /// <summary>
    /// A code span for a table cell: GitHub splits a cell at a <c>|</c> even inside code, unless it is escaped, and shows the
    /// escaped one as <c>|</c>. Option names, value names and defaults have no backticks.
    /// </summary>
    private static Markdown Code(string text, string after = "") => new($"`{text.Replace("|", "\\|", StringComparison.Ordinal)}`{after}");

    private static IEnumerable<Command> Visible(Command command) => command.Subcommands.Where(c => !c.Hidden);

    /// <summary>The command as typed: <c>harness reproduce</c>.</summary>
    private static string Path(Command command) => command.Parents.OfType<Command>().FirstOrDefault() is { } parent
        ? $"{Path(parent)} {command.Name}" : command is RootCommand { HelpName: { } name } ? name : command.Name;

    /// <summary>GitHub's anchor for a heading of plain words: lower case, spaces as hyphens.</summary>
    private static string Anchor(string heading) => heading.ToLowerInvariant().Replace(' ', '-');
}

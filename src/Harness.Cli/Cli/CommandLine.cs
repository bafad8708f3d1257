using System.CommandLine;
using System.CommandLine.Help;
using Harness.Baselines;
using Harness.Config;
using Harness.Native;
using Harness.Training;

namespace Harness.Cli;

/// <summary>
/// <c>harness &lt;command&gt;</c>, parsed by System.CommandLine. Exit codes (<see cref="ExitCodes"/>): 0 done, 1 failed,
/// 2 usage or configuration error, each error on the error writer as <c>error: …</c>. Takes its writers rather than the
/// console so tests can run any command in-process.
/// </summary>
internal static class CommandLine
{
    /// <summary>As users type it, and as the .NET tool is installed (ToolCommandName).</summary>
    public const string Name = "harness";

    /// <summary>Every command's: an unexpected error's stack trace is for a bug report, not for every user.</summary>
    public const string VerboseOption = "--verbose";

    public static RootCommand Create()
    {
        var root = new RootCommand("Re-runs Keras experiments on TorchSharp and checks them against baselines and their claims.")
        {
            ReproduceCommand.Create(), RunCommand.Create(), BenchCommand.Create(), AcceptCommand.Create(), RegisterCommand.Create(),
            ExperimentsCommand.Create(),
            new Option<bool>(VerboseOption) { Description = "on an unexpected error, also print its stack trace", Recursive = true },
        };
        root.HelpName = Name;
        root.Add(HelpCommand(root));
        return root;
    }

    public static int Execute(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var parsed = Create().Parse(args);
        var usage = UsageErrors.Of(parsed);
        // Asking for help is never an error, whatever else the line holds.
        if (usage.Count > 0 && parsed.Action is not HelpAction)
        {
            foreach (var line in usage) error.WriteLine(line);
            error.WriteLine($"See '{UsageErrors.Name(parsed.CommandResult.Command)} --help'.");
            return ExitCodes.Usage;
        }

        try
        {
            // Exceptions reach the handlers below rather than System.CommandLine's, which would print a stack trace and return 1.
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            error.WriteLine(e.Message);
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException
                                       or ConfigurationException or BaselineFormatException or NumericsProfileException
                                       or NativeShimException)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (TrainingDivergedException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // After the checks made before training (a missing input file is caught above): a disk that filled, a folder
            // that stopped being writable. One line and exit 1, never an unhandled exception's abort (134).
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception e)
        {
            // The last resort: anything not foreseen above is still one line, and a failure rather than a crash.
            error.WriteLine(Unexpected(e, parsed.GetValue<bool>(VerboseOption)));
            return ExitCodes.Failed;
        }
    }

    /// <summary>
    /// An exception nothing handled, as <c>error: …</c>: its innermost message, its type, and the stack trace only when
    /// asked for.
    /// </summary>
    public static string Unexpected(Exception e, bool verbose)
    {
        var cause = e is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[0] : e;
        var line = $"error: {cause.Message} ({cause.GetType().Name})";
        return verbose ? $"{line}\n{e}" : $"{line}\nThis is a bug or an environment the harness does not know; run again with " +
            $"{VerboseOption} for the stack trace.";
    }

    /// <summary>
    /// <c>harness help [command]</c>, as the hand-written command line had it: the same as <c>--help</c>. With <c>--markdown</c>,
    /// the whole command-line reference instead (<see cref="CommandReference"/>, committed as docs/cli.md).
    /// </summary>
    private static Command HelpCommand(RootCommand root)
    {
        var name = new Argument<string?>("command") { Arity = ArgumentArity.ZeroOrOne };
        var markdown =
            new Option<bool>("--markdown") { Description = $"write the command-line reference ({CommandReference.RelativePath})" };
        var help = new Command("help", "Show help for harness or one of its commands.") { name, markdown };
        help.Hidden = true;
        help.SetAction(parsed =>
        {
            if (parsed.GetValue(markdown))
            {
                parsed.InvocationConfiguration.Output.Write(CommandReference.Render());
                return ExitCodes.Done;
            }
            string[] args = parsed.GetValue(name) is { } command ? [command, "--help"] : ["--help"];
            return root.Parse(args).Invoke(parsed.InvocationConfiguration);
        });
        return help;
    }
}

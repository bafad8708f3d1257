using Harness.Cli;
using Spectre.Console;

// A thread other than the command's (a timer, a native callback) has no handler of its own: its exception is still one
// error line and exit 1, never a crash with a stack trace.
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    Console.Error.WriteLine(
        CommandLine.Unexpected(e.ExceptionObject as Exception ?? new Exception($"{e.ExceptionObject}"),
            args.Contains(CommandLine.VerboseOption)));
    Environment.Exit(ExitCodes.Failed);
};

// What the commands print can quote an experiment's text, so the console shows control characters rather than obeying
// them (PrintableWriter); only the live progress display, whose escapes are its own, writes to the terminal itself.
AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
Console.SetOut(new PrintableWriter(Console.Out));
Console.SetError(new PrintableWriter(Console.Error));

// Each command that trains initialises TorchSharp with its numerics profile before anything touches it.
return CommandLine.Execute(args, Console.Out, Console.Error);

using Harness.Cli;

// A thread other than the command's (a timer, a native callback) has no handler of its own: its exception is still one
// error line and exit 1, never a crash with a stack trace.
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    Console.Error.WriteLine(
        CommandLine.Unexpected(e.ExceptionObject as Exception ?? new Exception($"{e.ExceptionObject}"),
            args.Contains(CommandLine.VerboseOption)));
    Environment.Exit(ExitCodes.Failed);
};

// Each command that trains initialises TorchSharp with its numerics profile before anything touches it.
return CommandLine.Execute(args, Console.Out, Console.Error);

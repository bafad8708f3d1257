using Harness.Cli;

// Each command that trains initialises TorchSharp with its numerics profile before anything touches it.
return CommandLine.Execute(args, Console.Out, Console.Error);

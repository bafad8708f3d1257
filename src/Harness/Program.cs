using Harness.Cli;
using Harness.Native;

// The native environment must be in place before anything touches TorchSharp.
TorchRuntime.Initialize();
return CommandLine.Execute(args, Console.Out, Console.Error);

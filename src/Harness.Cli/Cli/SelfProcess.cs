using System.Diagnostics;
using System.Reflection;

namespace Harness.Cli;

/// <summary>
/// This program run again as a child process: for work that needs another numerics profile, which is fixed for a process
/// once libtorch has loaded. Works for the apphost (<c>harness …</c>) and for <c>dotnet harness.dll …</c> alike.
/// </summary>
internal static class SelfProcess
{
    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var viaDotnet = Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        var entry = Assembly.GetEntryAssembly()?.Location ?? Path.Combine(AppContext.BaseDirectory, "harness.dll");
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (viaDotnet) start.ArgumentList.Add(entry);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return start;
    }

    /// <summary>Runs to completion; returns the exit code, standard output and standard error.</summary>
    public static (int ExitCode, string Output, string Error) Run(IEnumerable<string> args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}

using System.Diagnostics;

namespace Harness.Tests.Unit;

/// <summary>Runs the real <c>harness</c> command line (built beside the tests) in a child process.</summary>
internal static class HarnessProcess
{
    public static (int ExitCode, string Output) Run(params string[] args) => Run(new Dictionary<string, string?>(), args);

    /// <param name="environment">Variables to set, or to remove when the value is null.</param>
    public static (int ExitCode, string Output) Run(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "harness.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}

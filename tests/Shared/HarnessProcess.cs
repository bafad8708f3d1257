using System.Diagnostics;

namespace Harness.Tests;

/// <summary>Runs the real <c>harness</c> command line (built beside the tests) in a child process, optionally under an emulator.</summary>
internal static class HarnessProcess
{
    public static (int ExitCode, string Output) Run(params string[] args) => Run(new Dictionary<string, string?>(), args);

    /// <param name="environment">Variables to set, or to remove when the value is null.</param>
    public static (int ExitCode, string Output) Run(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        Run(environment, emulator: [], args);

    /// <param name="emulator">A command line to run the process under, e.g. <c>qemu-x86_64 -cpu Haswell</c>; empty for none.</param>
    public static (int ExitCode, string Output) Run(IReadOnlyDictionary<string, string?> environment,
        IReadOnlyList<string> emulator, params string[] args) => Run(environment, emulator, Timeout.InfiniteTimeSpan, args);

    /// <summary>
    /// As <see cref="Run(IReadOnlyDictionary{string, string?}, string[])"/>, but the process (and its children) is killed if it
    /// has not ended within <paramref name="limit"/>, and the test fails saying so with what it printed: a test of a wait
    /// that must end can never hang the test run. A guard against hanging, not a measure of speed: give it minutes.
    /// </summary>
    public static (int ExitCode, string Output) RunWithin(TimeSpan limit, IReadOnlyDictionary<string, string?> environment,
        params string[] args) => Run(environment, [], limit, args);

    private static (int ExitCode, string Output) Run(IReadOnlyDictionary<string, string?> environment,
        IReadOnlyList<string> emulator, TimeSpan limit, string[] args)
    {
        using var process = Start(environment, emulator, args);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"harness {string.Join(' ', args)} had not ended after {limit.TotalSeconds:0} s, and was killed. " +
                        $"It printed:\n{stdout.Result}{stderr.Result}");
        }
        process.WaitForExit(); // the output read to its end
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>Starts the command line and returns at once, its output and error redirected (the caller reads or discards them).</summary>
    public static Process Start(IReadOnlyDictionary<string, string?> environment, IReadOnlyList<string> emulator, params string[] args)
    {
        // Under an emulator the host program must be named by path: the emulator does not search PATH.
        string[] command =
            [.. emulator, emulator.Count > 0 ? DotnetPath() : "dotnet", Path.Combine(AppContext.BaseDirectory, "harness.dll"), .. args];
        var start = new ProcessStartInfo(command[0], command[1..])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Child processes never share the user's run store, where another test's runs would stand in for training: a test
        // that wants a store names one (HARNESS_STORE or --store).
        if (!environment.ContainsKey(Harness.Store.StoreLocation.Variable)) start.Environment[Harness.Store.StoreLocation.DisableVariable] =
            "1";
        foreach (var (name, value) in environment)
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        return Process.Start(start)!;
    }

    /// <summary>The dotnet host running these tests.</summary>
    public static string DotnetPath() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : FindOnPath("dotnet") ?? throw new FileNotFoundException("dotnet was not found on PATH.");

    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program)).FirstOrDefault(File.Exists);
}

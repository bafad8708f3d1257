namespace Harness.Tests;

/// <summary>
/// qemu-user, which runs this machine's x86-64 programs on an emulated CPU of another model or vendor: libraries that
/// dispatch on CPUID (MKL, ATen, .NET's JIT) take that CPU's code paths, and floating point stays exact IEEE.
/// </summary>
internal static class Emulator
{
    public const string Program = "qemu-x86_64";
    public const string Install = "apt-get install qemu-user";

    /// <summary>A GenuineIntel CPU with AVX2 and FMA, no AVX-512.</summary>
    public const string Intel = "Haswell";

    /// <summary>An AuthenticAMD CPU with AVX2 and FMA.</summary>
    public const string Amd = "EPYC-Rome";

    /// <summary>
    /// Settings under which .NET runs reliably on qemu-user; neither changes a result. .NET writes the code it compiles through
    /// a second, writable mapping of the executable pages (W^X), and qemu-user does not see writes through that mapping to
    /// code it has already translated, so a process that recompiles enough (tiering up a long run) executes stale code and
    /// dies with SIGSEGV (dotnet/runtime#94909; Rosetta has the same limit, #102226). Measured here: 16 C# model runs in one
    /// emulated process crashed 3 times of 3 with W^X on and passed with it off. Earlier, 2 of 6 emulated processes crashed
    /// with the background GC thread on and none of 16 with it off. A crash that happens anyway says nothing about the
    /// program, so the run is repeated, this many times at most.
    /// </summary>
    private static readonly Dictionary<string, string?> Stable = new()
    {
        ["DOTNET_EnableWriteXorExecute"] = "0",
        ["DOTNET_gcConcurrent"] = "0",
    };

    private const int Attempts = 3;

    /// <summary>Marks the test not run, with the reason and the install command, when qemu-user is missing.</summary>
    public static void RequireOrSkip()
    {
        if (HarnessProcess.FindOnPath(Program) is null)
            NotRun.Because($"{Program} is not installed, so no other CPU can be emulated", $"{Install} (ci/qemu.sh does)");
    }

    /// <summary>The harness under the emulated <paramref name="cpu"/>.</summary>
    public static (int ExitCode, string Output) Run(string cpu, params string[] args) =>
        Run(cpu, new Dictionary<string, string?>(), args);

    public static (int ExitCode, string Output) Run(string cpu, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var merged = new Dictionary<string, string?>(Stable);
        foreach (var (name, value) in environment) merged[name] = value;
        for (var attempt = 1; ; attempt++)
        {
            var (exitCode, output) = HarnessProcess.Run(merged, Command(cpu), args);
            if (!output.Contains("uncaught target signal", StringComparison.Ordinal)
                || attempt == Attempts) return (exitCode, Quiet(output));
            TestContext.Out.WriteLine($"{Program} -cpu {cpu} crashed (attempt {attempt} of {Attempts}); running again.");
        }
    }

    /// <summary>The command prefix for <paramref name="cpu"/>.</summary>
    public static string[] Command(string cpu) => [Program, "-cpu", cpu];

    /// <summary>Drops qemu's warnings about CPUID features TCG cannot emulate (pcid, x2apic…): noise around the program's output.</summary>
    private static string Quiet(string output) => string.Join('\n',
        output.Split('\n').Where(line => !line.Contains("TCG doesn't support requested feature", StringComparison.Ordinal)));
}

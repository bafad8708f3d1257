using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;

namespace Harness.Native;

/// <summary>
/// What, besides the code and the seed, decides a run's last bits. Two runs are comparable bit-for-bit
/// only when their fingerprints are equal.
/// </summary>
public sealed record EnvironmentFingerprint(
    string TorchSharp,
    string Libtorch,
    string Os,
    string Cpu,
    string CpuCapability,
    int IntraOpThreads,
    string MklCbwr,
    string AtenCpuCapability)
{
    /// <summary>The fingerprint of this process; <see cref="TorchRuntime.Initialize"/> must have run.</summary>
    public static EnvironmentFingerprint Current()
    {
        var settings = TorchRuntime.Settings ?? throw new InvalidOperationException("TorchRuntime.Initialize was not called.");
        return new EnvironmentFingerprint(
            TorchSharp: typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
                ?? typeof(torch).Assembly.GetName().Version!.ToString(),
            Libtorch: torch.__version__,
            Os: $"{OsName()} {RuntimeInformation.OSArchitecture}",
            Cpu: CpuModel(),
            CpuCapability: AtenCapability.InUse(),
            IntraOpThreads: settings.IntraOpThreads,
            MklCbwr: settings.MklCbwr ?? "unset",
            AtenCpuCapability: settings.AtenCpuCapability ?? "unset");
    }

    /// <summary>Each field that differs, as "name: this ≠ other".</summary>
    public IReadOnlyList<string> DifferencesFrom(EnvironmentFingerprint other) =>
        Fields().Zip(other.Fields(), (a, b) => (a.Name, Mine: a.Value, Theirs: b.Value))
            .Where(f => f.Mine != f.Theirs)
            .Select(f => $"{f.Name}: {f.Theirs} (baseline) vs {f.Mine} (current)")
            .ToList();

    /// <summary>Fields in a fixed order under their JSON names.</summary>
    public IEnumerable<(string Name, string Value)> Fields()
    {
        yield return ("torchsharp", TorchSharp);
        yield return ("libtorch", Libtorch);
        yield return ("os", Os);
        yield return ("cpu", Cpu);
        yield return ("cpu_capability", CpuCapability);
        yield return ("intra_op_threads", IntraOpThreads.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("mkl_cbwr", MklCbwr);
        yield return ("aten_cpu_capability", AtenCpuCapability);
    }

    private static string OsName()
    {
        // The distribution, not the kernel build: kernels change often and do not change float results.
        if (File.Exists("/etc/os-release"))
            foreach (var line in File.ReadLines("/etc/os-release"))
                if (line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
                    return line["PRETTY_NAME=".Length..].Trim('"');
        return RuntimeInformation.OSDescription;
    }

    private static string CpuModel()
    {
        if (File.Exists("/proc/cpuinfo"))
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
                if (line.StartsWith("model name", StringComparison.Ordinal))
                    return line[(line.IndexOf(':') + 1)..].Trim();
        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}

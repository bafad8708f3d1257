using System.Collections.Immutable;
using Harness.Baselines;
using Harness.Config;
using Harness.Settings;
using Harness.History;
using Harness.Native;

namespace Harness.Tests.Unit.Baselines;

/// <summary>Synthetic results and a temporary baselines folder.</summary>
internal sealed class BaselineFixtures : IDisposable
{
    /// <summary>The portable profile on an Intel Xeon with AVX-512.</summary>
    public static readonly EnvironmentFingerprint Here = new(
        Numerics: "portable", TorchSharp: "0.107.0", Libtorch: "2.10.0.0", Mkl: "2024.2-Product Build 20240605", MklCbwr: "AVX2,STRICT",
        MklVendorOverride: "on", MklAutoBranch: "AVX512_E1", MklCpuType: 14, CpuCapability: "AVX2", IntraOpThreads: 1,
        CpuVendor: "GenuineIntel", CpuModel: "Intel(R) Xeon(R) Processor", CpuFlags: "sse4_2 avx fma avx2 avx512f",
        Os: "Debian GNU/Linux 12 (bookworm) X64", Glibc: "2.36");

    /// <summary>The portable profile on an AMD EPYC without AVX-512, on another distribution: comparable with <see cref="Here"/>.</summary>
    public static readonly EnvironmentFingerprint OtherCpu = Here with
    {
        MklAutoBranch = "AVX2", MklCpuType = 5, CpuVendor = "AuthenticAMD", CpuModel = "AMD EPYC-Rome Processor",
        CpuFlags = "sse4_2 avx fma avx2", Os = "Ubuntu 24.04 X64", Glibc = "2.39",
    };

    /// <summary>Another libtorch: other code, so not comparable with <see cref="Here"/>.</summary>
    public static readonly EnvironmentFingerprint Elsewhere = Here with { Libtorch = "2.11.0" };

    /// <summary>The native profile on the Xeon of <see cref="Here"/>.</summary>
    public static readonly EnvironmentFingerprint NativeHere = Here with
    {
        Numerics = "native", MklCbwr = "AUTO,STRICT", MklVendorOverride = "off", CpuCapability = "AVX512",
    };

    public string Directory { get; } = TestScratch.Path("harness-baselines");

    public BaselineFixtures() => System.IO.Directory.CreateDirectory(Directory);

    public BaselineFolder Baselines(bool accept = false, bool ci = false) => new(Directory, new BaselinePolicy(accept && !ci, ci));

    public static RunResult Result(int seed = 1, EnvironmentFingerprint? fingerprint = null, double shift = 0,
        int epochs = 4, double learningRate = 0.001)
    {
        ImmutableArray<double> Series(double start, double step) =>
            [.. Enumerable.Range(0, epochs).Select(e => start + step * e + shift + seed * 1e-3)];
        var config = new RunConfig { Layers = 3, Dropout = 0.2, Seed = seed, Epochs = epochs, LearningRate = learningRate };
        return new RunResult(config, fingerprint ?? Here,
            new TrainingHistory(Series(1.0, -0.2), Series(0.6, 0.1), Series(1.1, -0.1), Series(0.5, 0.05)), Seconds: 1.25);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

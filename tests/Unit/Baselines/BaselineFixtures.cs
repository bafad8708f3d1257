using System.Collections.Immutable;
using Harness.Baselines;
using Harness.Config;
using Harness.History;
using Harness.Native;

namespace Harness.Tests.Unit.Baselines;

/// <summary>Synthetic results and a temporary baselines folder.</summary>
internal sealed class BaselineFixtures : IDisposable
{
    public static readonly EnvironmentFingerprint Here = new("0.107.0", "2.10.0.0", "Debian GNU/Linux 12 (bookworm) X64", "Xeon", "AVX512", 1, "unset", "unset");
    public static readonly EnvironmentFingerprint Elsewhere = Here with { Cpu = "EPYC", CpuCapability = "AVX2" };

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "harness-baselines-" + TestContext.CurrentContext.Test.ID);

    public BaselineFixtures() => System.IO.Directory.CreateDirectory(Directory);

    public BaselineStore Store(bool accept = false, bool ci = false) => new(Directory, new BaselinePolicy(accept && !ci, ci));

    public static RunResult Result(int seed = 1, EnvironmentFingerprint? fingerprint = null, double shift = 0, int epochs = 4, double learningRate = 0.001)
    {
        ImmutableArray<double> Series(double start, double step) =>
            [.. Enumerable.Range(0, epochs).Select(e => start + step * e + shift + seed * 1e-3)];
        var config = new RunConfig { Layers = 3, Dropout = 0.2, Seed = seed, Epochs = epochs, LearningRate = learningRate };
        return new RunResult(config, fingerprint ?? Here,
            new TrainingHistory(Series(1.0, -0.2), Series(0.6, 0.1), Series(1.1, -0.1), Series(0.5, 0.05)), Seconds: 1.25);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

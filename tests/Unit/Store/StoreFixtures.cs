using System.Collections.Immutable;
using Harness.Settings;
using Harness.History;
using Harness.Native;
using Harness.Store;

namespace Harness.Tests.Unit.Store;

/// <summary>Keys, results and entries made by hand: no training, no libtorch.</summary>
internal static class StoreFixtures
{
    public static EnvironmentFingerprint Fingerprint { get; } = new("portable", "0.107.0", "2.10.0", "2025.0 Build 20250101", "AVX2,STRICT",
        "on", "AVX2", 2, "AVX2", 1, "AuthenticAMD", "AMD EPYC", "avx2 fma", "Debian GNU/Linux 12 (bookworm) X64", "2.36");

    public static KeyContext Context { get; } = new(new string('a', 64), ".NET 10.0.0", Fingerprint.Comparable(),
        [("t10k-images-idx3-ubyte", "01"), ("t10k-labels-idx1-ubyte", "02"), ("train-images-idx3-ubyte", "03"),
            ("train-labels-idx1-ubyte", "04")]);

    public static RunConfig BaseRun { get; } = new() { Layers = 2, Epochs = 2 };

    public static RunResult Result(RunConfig? config = null) => new(config ?? BaseRun, Fingerprint,
        new TrainingHistory([0.5, 0.25], [0.75, 0.875], [0.625, 0.1 + 0.2], [0.5, 0.6]), 1.25);
}

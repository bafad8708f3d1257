using System.Runtime.InteropServices;
using Harness.Data;
using Harness.Native;

namespace Harness.Store;

/// <summary>
/// What decides a run's bits besides its settings, the same for every run of a process: the training code, the .NET runtime
/// (its JIT and math library compute the managed parts: initialisation, dropout masks, averages), the fingerprint fields
/// the numerics profile compares (the profile among them), and the data files' hashes.
/// </summary>
internal sealed record KeyContext(string Code, string Runtime, ComparableFingerprint Fingerprint,
    IReadOnlyList<(string File, string Sha256)> Data)
{
    /// <summary>This process's: the fingerprint in force (libtorch must have loaded) and the data runs read.</summary>
    public static KeyContext Current(IDataset dataset) => new(
        CodeIdentity.Current,
        RuntimeInformation.FrameworkDescription,
        TorchRuntime.Fingerprint.Comparable(),
        [.. dataset.Sha256.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value))]);
}

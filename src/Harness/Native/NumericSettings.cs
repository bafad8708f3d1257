namespace Harness.Native;

/// <summary>
/// Process-wide numeric settings that libtorch, OpenMP and MKL read once, when they load.
/// They change results in the last bits, so they are part of every run's environment fingerprint.
/// </summary>
/// <param name="IntraOpThreads">Threads one run may use inside an operation. One, so results do not
/// depend on the machine's core count; throughput comes from running runs side by side.</param>
/// <param name="MklCbwr">MKL's conditional numerical reproducibility branch (e.g. "AVX2"), or null.</param>
/// <param name="AtenCpuCapability">ATen's kernel ISA cap (e.g. "avx2"), or null for the CPU's best.</param>
public sealed record NumericSettings(int IntraOpThreads = 1, string? MklCbwr = null, string? AtenCpuCapability = null)
{
    public static NumericSettings Default { get; } = new();
}

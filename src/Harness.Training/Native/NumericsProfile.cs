using System.Globalization;

namespace Harness.Native;

/// <summary>
/// How libtorch and MKL are set up to compute, and so which machines give the same bits: a process-wide setting,
/// applied before libtorch loads (<see cref="TorchRuntime.Initialize"/>), recorded in every run's fingerprint, and
/// owning the comparability rule that says which fingerprint fields must match for two histories to be compared bit for bit.
/// </summary>
/// <remarks>
/// The evidence behind each rule is in docs/numerics.md ("Numerics profiles"); a field enters a rule only where changing it
/// was measured to change bits, or where it names different code (library versions).
/// </remarks>
internal sealed record NumericsProfile
{
    public required string Name { get; init; }

    /// <summary>What the profile guarantees, in one sentence for reports and help.</summary>
    public required string Promise { get; init; }

    /// <summary>MKL's conditional numerical reproducibility setting. STRICT in both profiles: without it MKL's results
    /// depend on buffer alignment, and two processes on AMD wrote different bits.</summary>
    public required string MklCbwr { get; init; }

    /// <summary>ATen's kernel ISA cap, or null for the CPU's best.</summary>
    public string? AtenCpuCapability { get; init; }

    /// <summary>Whether MKL is made to take its Intel code paths on any CPU (<see cref="MklVendorOverride"/>).</summary>
    public bool OverridesMklVendorCheck { get; init; }

    /// <summary>One: results depend on the intra-op thread count; throughput comes from runs side by side.</summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>The comparability rule: the fingerprint fields that must be equal for bits to be comparable.</summary>
    public required IReadOnlyList<string> ComparableFields { get; init; }

    /// <summary>
    /// The default: the same bits on any x86-64 CPU with AVX2 and FMA, Intel or AMD. MKL's AVX2 branch in strict CNR mode
    /// on its Intel code paths, and ATen's AVX2 kernels, on every machine. CPU vendor, model and ISA beyond AVX2 are
    /// recorded but not compared: a Xeon with AVX-512, an emulated Haswell and an emulated EPYC-Rome gave identical histories.
    /// </summary>
    public static readonly NumericsProfile Portable = new()
    {
        Name = "portable",
        Promise = "the same bits on any x86-64 CPU with AVX2 and FMA, Intel or AMD, for the same TorchSharp, libtorch and MKL",
        MklCbwr = "AVX2,STRICT",
        AtenCpuCapability = "avx2",
        OverridesMklVendorCheck = true,
        ComparableFields =
        [
            EnvironmentFingerprint.NumericsField, "torchsharp", "libtorch", "mkl", "mkl_cbwr", "mkl_vendor_override",
            "cpu_capability", "intra_op_threads",
        ],
    };

    /// <summary>
    /// The kernels MKL and ATen choose for this CPU by themselves (no vendor override, no ISA cap), made deterministic by
    /// strict CNR mode: bit-exact across processes, but only on the same CPU model — other models and vendors differ.
    /// </summary>
    public static readonly NumericsProfile Native = new()
    {
        Name = "native",
        Promise = "the CPU's own fastest kernels, deterministic across processes; the same bits only on the same CPU model",
        MklCbwr = "AUTO,STRICT",
        ComparableFields =
        [
            .. Portable.ComparableFields, "mkl_auto_branch", "mkl_cpu_type", "cpu_vendor", "cpu_model",
        ],
    };

    public static IReadOnlyList<NumericsProfile> All { get; } = [Portable, Native];

    public static NumericsProfile Default => Portable;

    public static string Names => string.Join(" or ", All.Select(p => p.Name));

    public static NumericsProfile? Find(string name) =>
        All.FirstOrDefault(p => p.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The variables libtorch, OpenMP and MKL read when they load; a null value must be unset.</summary>
    public IReadOnlyList<(string Name, string? Value)> Variables
    {
        get
        {
            var threads = IntraOpThreads.ToString(CultureInfo.InvariantCulture);
            return
            [
                ("MKL_CBWR", MklCbwr),
                ("ATEN_CPU_CAPABILITY", AtenCpuCapability),
                ("OMP_NUM_THREADS", threads),
                ("MKL_NUM_THREADS", threads),
                // Caps MKL's instruction set behind CNR's back; neither profile uses it.
                ("MKL_ENABLE_INSTRUCTIONS", null),
            ];
        }
    }

    /// <summary>Variables already in the environment that disagree with the profile: each would change the bits it promises.</summary>
    public IReadOnlyList<string> Conflicts(Func<string, string?> environment) =>
        Variables
            .Select(v => (v.Name, Wanted: v.Value, Found: environment(v.Name)))
            .Where(v => v.Found is not null && !string.Equals(v.Found.Trim(), v.Wanted, StringComparison.OrdinalIgnoreCase))
            .Select(v => v.Wanted is null
                ? $"{v.Name}={v.Found} is set, but the '{Name}' numerics profile leaves it unset"
                : $"{v.Name}={v.Found} is set, but the '{Name}' numerics profile sets {v.Name}={v.Wanted}")
            .ToList();

    /// <summary>Where the state in force is not what the profile asked for: then its promise does not hold here.</summary>
    public IReadOnlyList<string> Violations(EnvironmentFingerprint inForce)
    {
        var violations = new List<string>();
        if (!inForce.MklCbwr.Equals(MklCbwr, StringComparison.OrdinalIgnoreCase))
            violations.Add($"MKL's CNR mode in force is {inForce.MklCbwr}, expected {MklCbwr}" +
                           (MklCbwr.StartsWith("AVX2", StringComparison.Ordinal) ? " (does this CPU have AVX2 and FMA?)" : ""));
        if (AtenCpuCapability is { } isa && !inForce.CpuCapability.Equals(isa, StringComparison.OrdinalIgnoreCase))
            violations.Add($"ATen's kernels in use are {inForce.CpuCapability}, expected {isa.ToUpperInvariant()}");
        if (inForce.MklVendorOverride != (OverridesMklVendorCheck ? EnvironmentFingerprint.On : EnvironmentFingerprint.Off))
            violations.Add(OverridesMklVendorCheck
                ? "MKL's vendor check is not overridden: MKL never called the override library's mkl_serv_intel_cpu_true " +
                  "(it must be loaded RTLD_GLOBAL before libtorch_cpu.so)"
                : "MKL's vendor check is overridden, but this profile uses MKL's own choice");
        if (inForce.IntraOpThreads != IntraOpThreads)
            violations.Add($"{inForce.IntraOpThreads} intra-op threads in force, expected {IntraOpThreads}");
        return violations;
    }

    public override string ToString() => Name;
}

using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;

namespace Harness.Native;

/// <summary>
/// The numeric state a run computed in, read from the libraries where they can say it (MKL's version, CNR mode, vendor
/// override and CPU type; ATen's kernel level; the thread count) and from the CPU and C library. Which of these fields
/// must match for two runs' bits to be comparable is the numerics profile's rule (<see cref="Comparable"/>).
/// </summary>
internal sealed record EnvironmentFingerprint(
    string Numerics,
    string TorchSharp,
    string Libtorch,
    string Mkl,
    string MklCbwr,
    string MklVendorOverride,
    string MklAutoBranch,
    int MklCpuType,
    string CpuCapability,
    int IntraOpThreads,
    string CpuVendor,
    string CpuModel,
    string CpuFlags,
    string Os,
    string Glibc)
{
    public const string NumericsField = "numerics";
    public const string On = "on";
    public const string Off = "off";

    /// <summary>The fingerprint of this process, as <see cref="TorchRuntime.Initialize"/> read it.</summary>
    public static EnvironmentFingerprint Current() => TorchRuntime.Fingerprint;

    /// <summary>Reads the state in force; libtorch must be loaded.</summary>
    internal static EnvironmentFingerprint Read(NumericsProfile profile)
    {
        var mkl = MklState.Read(); // first, so MKL has initialised before the override's questions are counted
        var cpu = CpuInfo.Read();
        return new EnvironmentFingerprint(
            Numerics: profile.Name,
            TorchSharp: typeof(torch)
                .Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
                ?? typeof(torch).Assembly.GetName().Version!.ToString(),
            Libtorch: torch.__version__,
            Mkl: mkl.Version,
            MklCbwr: mkl.Cbwr,
            MklVendorOverride: Native.MklVendorOverride.Queries() > 0 ? On : Off,
            MklAutoBranch: mkl.AutoBranch,
            MklCpuType: mkl.CpuType,
            CpuCapability: AtenCapability.InUse(),
            IntraOpThreads: torch.get_num_threads(),
            CpuVendor: cpu.Vendor,
            CpuModel: cpu.Model,
            CpuFlags: cpu.Flags,
            Os: $"{OsName()} {RuntimeInformation.OSArchitecture}",
            Glibc: Libc.Version());
    }

    /// <summary>Every field under its JSON name, in the order files list them.</summary>
    private static readonly (string Name, Func<EnvironmentFingerprint, string> Value)[] Layout =
    [
        (NumericsField, f => f.Numerics),
        ("torchsharp", f => f.TorchSharp),
        ("libtorch", f => f.Libtorch),
        ("mkl", f => f.Mkl),
        ("mkl_cbwr", f => f.MklCbwr),
        ("mkl_vendor_override", f => f.MklVendorOverride),
        ("mkl_auto_branch", f => f.MklAutoBranch),
        ("mkl_cpu_type", f => f.MklCpuType.ToString(CultureInfo.InvariantCulture)),
        ("cpu_capability", f => f.CpuCapability),
        ("intra_op_threads", f => f.IntraOpThreads.ToString(CultureInfo.InvariantCulture)),
        ("cpu_vendor", f => f.CpuVendor),
        ("cpu_model", f => f.CpuModel),
        ("cpu_flags", f => f.CpuFlags),
        ("os", f => f.Os),
        ("glibc", f => f.Glibc),
    ];

    public static IReadOnlyList<string> FieldNames { get; } = [.. Layout.Select(f => f.Name)];

    public IEnumerable<(string Name, string Value)> Fields() => Layout.Select(f => (f.Name, f.Value(this)));

    /// <summary>A fingerprint as <see cref="Fields"/> listed it (a stored run's file).</summary>
    /// <exception cref="InvalidDataException">A field is missing or malformed (named, with what was expected and found): an
    /// unknown profile would otherwise surface far from the file, when the fingerprint is compared.</exception>
    /// <param name="where">How messages name the fingerprint's object (its path in the file).</param>
    public static EnvironmentFingerprint FromFields(IReadOnlyDictionary<string, string> fields, string where = "fingerprint")
    {
        if (FieldNames.FirstOrDefault(name => !fields.ContainsKey(name)) is { } missing)
            throw new InvalidDataException($"'{where}.{missing}' is missing (expected a field each of {string.Join(", ", FieldNames)})");
        if (!NumericsProfile.All.Any(p => p.Name == fields[NumericsField]))
            throw new InvalidDataException($"'{where}.{NumericsField}': expected {NumericsProfile.Names}, found '{fields[NumericsField]}'");
        int Integer(string name) => int.TryParse(fields[name], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
            : throw new InvalidDataException($"'{where}.{name}': expected an integer, found '{fields[name]}'");
        var fingerprint = new EnvironmentFingerprint(fields[NumericsField], fields["torchsharp"], fields["libtorch"], fields["mkl"],
            fields["mkl_cbwr"], fields["mkl_vendor_override"], fields["mkl_auto_branch"], Integer("mkl_cpu_type"), fields["cpu_capability"],
            Integer("intra_op_threads"), fields["cpu_vendor"], fields["cpu_model"], fields["cpu_flags"], fields["os"], fields["glibc"]);
        // The layout is the one fact of which field is which: a mismatch here is a bug in this method, caught by the round trip;
        // or an integer written otherwise than this writes it ("07"), which would not hash as its key's inputs do.
        return fingerprint.Fields().FirstOrDefault(f => fields[f.Name] != f.Value) is { Name: { } odd }
            ? throw new InvalidDataException($"'{where}.{odd}': expected " +
                $"'{fingerprint.Fields().First(f => f.Name == odd).Value}', found '{fields[odd]}'")
            : fingerprint;
    }

    /// <summary>The fields this fingerprint's profile compares: what a baseline records.</summary>
    public ComparableFingerprint Comparable()
    {
        var profile = NumericsProfile.Find(Numerics)
            ?? throw new InvalidOperationException($"Unknown numerics profile '{Numerics}'; expected {NumericsProfile.Names}.");
        var fields = Fields().ToDictionary(f => f.Name, f => f.Value);
        return new ComparableFingerprint([.. profile.ComparableFields.Select(name => (name, fields[name]))]);
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
}

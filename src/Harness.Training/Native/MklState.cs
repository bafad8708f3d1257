using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Harness.Native;

/// <summary>
/// What MKL (linked into libtorch_cpu.so) says it is doing, read from its own exports rather than from the variables
/// that asked for it: its version, the CNR branch in force, the branch AUTO would pick on this CPU, and its CPU type
/// (the class of kernels it dispatches to, after any vendor override).
/// </summary>
internal sealed partial record MklState(string Version, string Cbwr, string AutoBranch, int CpuType)
{
    private const int RtldNoLoad = 0x4;
    private const int CbwrAll = ~0;
    private const int CbwrStrict = 0x10000;

    /// <summary>Reads the state; libtorch must be loaded. Its first call initialises MKL's CNR mode from MKL_CBWR.</summary>
    public static unsafe MklState Read()
    {
        var library = Libc.DlOpen("libtorch_cpu.so", Libc.RtldNow | RtldNoLoad);
        if (library == IntPtr.Zero) throw new InvalidOperationException("libtorch_cpu.so is not loaded; initialise TorchSharp first.");
        var versionString = (delegate* unmanaged<byte*, int, void>)Export(library, "MKL_Get_Version_String");
        var cbwrGet = (delegate* unmanaged<int, int>)Export(library, "mkl_serv_cbwr_get");
        var autoBranch = (delegate* unmanaged<int>)Export(library, "mkl_serv_cbwr_get_auto_branch");
        var cpuType = (delegate* unmanaged<int>)Export(library, "mkl_serv_get_cpu_type");

        var buffer = stackalloc byte[256];
        versionString(buffer, 256);
        var version = Marshal.PtrToStringUTF8((IntPtr)buffer) ?? "";
        return new MklState(ShortVersion(version), Describe(cbwrGet(CbwrAll)), Describe(autoBranch()), cpuType());
    }

    /// <summary>A CNR setting as MKL_CBWR spells it, e.g. 0x1000a → "AVX2,STRICT" (values from mkl_service.h).</summary>
    public static string Describe(int setting)
    {
        var branch = (setting & 0xFFFF) switch
        {
            0 => "OFF",
            1 => "BRANCH_OFF",
            2 => "AUTO",
            3 => "COMPATIBLE",
            4 => "SSE2",
            5 => "SSE3",
            6 => "SSSE3",
            7 => "SSE4_1",
            8 => "SSE4_2",
            9 => "AVX",
            10 => "AVX2",
            11 => "AVX512_MIC",
            12 => "AVX512",
            13 => "AVX512_MIC_E1",
            14 => "AVX512_E1",
            var other => $"UNKNOWN_{other}",
        };
        return (setting & CbwrStrict) != 0 ? branch + ",STRICT" : branch;
    }

    /// <summary>
    /// "Intel(R) oneAPI Math Kernel Library Version 2024.2-Product Build 20240605 for …" → "2024.2-Product Build
    /// 20240605".
    /// </summary>
    public static string ShortVersion(string version) =>
        VersionPattern().Match(version) is { Success: true } m ? $"{m.Groups[1].Value} Build {m.Groups[2].Value}" : version.Trim();

    private static IntPtr Export(IntPtr library, string name) =>
        NativeLibrary.TryGetExport(library, name, out var address) ? address
            : throw new InvalidOperationException($"libtorch_cpu.so does not export {name}: is MKL linked into this libtorch build?");

    [GeneratedRegex(@"Version (\S+) Build (\d+)")]
    private static partial Regex VersionPattern();
}

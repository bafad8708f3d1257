using System.Runtime.Intrinsics.X86;
using System.Text;

namespace Harness.Native;

/// <summary>
/// The CPU as the CPUID instruction describes it: vendor, brand string and the ISA extensions that numeric libraries
/// dispatch on. Read from CPUID rather than /proc/cpuinfo, which shows the host's CPU even under an emulator.
/// </summary>
internal sealed record CpuInfo(string Vendor, string Model, string Flags)
{
    public static CpuInfo Read()
    {
        if (!X86Base.IsSupported) return new CpuInfo("unknown",
            System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString(), "");
        var (_, b, c, d) = X86Base.CpuId(0, 0);
        var vendor = Ascii(b, d, c);
        return new CpuInfo(vendor, Brand(), string.Join(' ', IsaFlags()));
    }

    private static string Brand()
    {
        var (maxExtended, _, _, _) = X86Base.CpuId(unchecked((int)0x80000000), 0);
        if ((uint)maxExtended < 0x80000004) return "unknown";
        var text = new StringBuilder();
        for (var leaf = 0x80000002; leaf <= 0x80000004; leaf++)
        {
            var (a, b, c, d) = X86Base.CpuId(unchecked((int)leaf), 0);
            text.Append(Ascii(a, b, c, d));
        }
        return string.Join(' ', text.ToString().TrimEnd('\0').Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The extensions that decide which kernels MKL, ATen and glibc's libm pick, in a fixed order.</summary>
    private static IEnumerable<string> IsaFlags()
    {
        var (maxLeaf, _, _, _) = X86Base.CpuId(0, 0);
        var (_, _, c1, _) = X86Base.CpuId(1, 0);
        var (_, b7, c7, d7) = maxLeaf >= 7 ? X86Base.CpuId(7, 0) : default;
        var (a71, _, _, _) = maxLeaf >= 7 ? X86Base.CpuId(7, 1) : default;
        (string Name, int Register, int Bit)[] flags =
        [
            ("sse4_2", c1, 20), ("avx", c1, 28), ("fma", c1, 12), ("avx2", b7, 5),
            ("avx512f", b7, 16), ("avx512dq", b7, 17), ("avx512bw", b7, 30), ("avx512vl", b7, 31),
            ("avx512_vnni", c7, 11), ("avx512_bf16", a71, 5), ("avx512_fp16", d7, 23), ("avx_vnni", a71, 4), ("amx_tile", d7, 24),
        ];
        return flags.Where(f => (f.Register >> f.Bit & 1) != 0).Select(f => f.Name);
    }

    private static string Ascii(params int[] registers) =>
        Encoding.ASCII.GetString(registers.SelectMany(BitConverter.GetBytes).ToArray());
}

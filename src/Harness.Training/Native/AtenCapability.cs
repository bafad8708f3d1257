using System.Runtime.InteropServices;

namespace Harness.Native;

/// <summary>
/// The ISA level ATen dispatches its CPU kernels to ("AVX512", "AVX2", "DEFAULT"), read from libtorch itself
/// rather than guessed from /proc/cpuinfo: ATen may choose below the CPU's best, and ATEN_CPU_CAPABILITY caps it.
/// </summary>
internal static class AtenCapability
{
    private const int RtldNoLoad = 0x4;

    public static unsafe string InUse()
    {
        if (!OperatingSystem.IsLinux()) return "unknown";
        var library = Libc.DlOpen("libtorch_cpu.so", Libc.RtldNow | RtldNoLoad);
        if (library == IntPtr.Zero) return "unknown";
        // std::string at::get_cpu_capability(): a C++ function returning std::string by hidden pointer (SysV sret).
        if (!NativeLibrary.TryGetExport(library, "_ZN2at18get_cpu_capabilityB5cxx11Ev", out var function)) return "unknown";

        var result = stackalloc byte[32]; // libstdc++'s std::string: pointer, length, 16-byte small buffer.
        ((delegate* unmanaged<byte*, void>)function)(result);
        var text = *(byte**)result;
        var length = *(long*)(result + 8);
        // Capability names fit the small buffer, so nothing is heap-allocated and nothing leaks.
        return Marshal.PtrToStringUTF8((IntPtr)text, (int)length);
    }
}

using System.Runtime.InteropServices;

namespace Harness.Native;

/// <summary>
/// Makes MKL take its Intel code paths on every x86-64 CPU, so that one CNR branch computes the same bits on Intel and AMD.
/// </summary>
/// <remarks>
/// MKL chooses kernels by vendor as well as by ISA: with <c>MKL_CBWR=AVX2,STRICT</c> an AMD EPYC and an Intel Haswell
/// compute different bits, because on AMD MKL leaves its Intel paths (measured: emulated EPYC-Rome against emulated
/// Haswell). MKL asks <c>mkl_serv_intel_cpu_true</c> and <c>mkl_serv_intel_cpu</c>, which libtorch_cpu.so (MKL is linked
/// into it) exports and calls through its PLT; a library opened RTLD_GLOBAL before libtorch that defines both wins symbol
/// resolution. The shim answers "Intel" and counts the questions, so that the override is checked, not assumed: after
/// MKL has initialised, zero questions means MKL never bound to the shim (loaded too late, or a symbol misspelt).
/// </remarks>
internal static class MklVendorOverride
{
    private const string Source = """
        // Loaded RTLD_GLOBAL before libtorch_cpu.so, whose MKL then binds its vendor check to these definitions.
        static long queries;
        extern "C" int mkl_serv_intel_cpu_true() { __atomic_add_fetch(&queries, 1, __ATOMIC_RELAXED); return 1; }
        extern "C" int mkl_serv_intel_cpu() { __atomic_add_fetch(&queries, 1, __ATOMIC_RELAXED); return 1; }
        extern "C" long harness_mkl_vendor_queries() { return __atomic_load_n(&queries, __ATOMIC_RELAXED); }
        """;

    private static IntPtr _handle;

    /// <summary>Builds (once) and loads the shim. Must run before libtorch_cpu.so loads.</summary>
    public static void Install(string directory) =>
        _handle = NativeShim.Load("harness-mkl-vendor", Source, directory, "to make MKL take its Intel code paths on any x86-64 CPU");

    /// <summary>How often MKL has asked the shim for the CPU's vendor: 0 when the shim is absent or MKL did not bind to it.</summary>
    public static unsafe long Queries()
    {
        if (_handle == IntPtr.Zero) return 0;
        var count = (delegate* unmanaged<long>)NativeLibrary.GetExport(_handle, "harness_mkl_vendor_queries");
        return count();
    }
}

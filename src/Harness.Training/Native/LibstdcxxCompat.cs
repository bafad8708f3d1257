using System.Reflection;
using System.Runtime.InteropServices;
using Harness.IO;

namespace Harness.Native;

/// <summary>
/// Makes TorchSharp 0.107 load on hosts whose libstdc++ predates GCC 13 (Debian 12 stops at GLIBCXX_3.4.30).
/// </summary>
/// <remarks>
/// Diagnosis: libLibTorchSharp.so requires the symbol version GLIBCXX_3.4.32, and needs exactly one
/// symbol at that version, <c>std::ios_base_library_init()</c> (GCC 13 emits a call to it from every
/// translation unit that includes &lt;iostream&gt;). libtorch's own libraries load fine. Newer libstdc++
/// builds need a newer glibc, so upgrading the system library is no way out. The fix:
/// <list type="number">
/// <item>a copy of libLibTorchSharp.so whose GLIBCXX_3.4.32 requirement is marked weak, so the loader
/// only warns about the missing version;</item>
/// <item>a tiny shim library, compiled here with g++, that defines <c>std::ios_base_library_init()</c>
/// (constructing a static <c>std::ios_base::Init</c>, which is what the GCC 13 function does) and is
/// opened RTLD_GLOBAL so the patched copy binds to it;</item>
/// <item>a DllImport resolver that hands TorchSharp the patched copy instead of the shipped file.</item>
/// </list>
/// Both files are kept in <see cref="NativeCache"/> (beside TorchSharp's natives when that directory is safe) under
/// content-addressed names, written by atomic rename and loaded only when their bytes are the ones intended (see
/// <see cref="NativeShim"/>). Where libstdc++ already has the version,
/// <see cref="IsNeeded"/> is false and nothing here runs.
/// </remarks>
internal static class LibstdcxxCompat
{
    private const string MissingVersion = "GLIBCXX_3.4.32";
    private const string ShimSource =
        "#include <ios>\n" +
        "// GCC 13's libstdc++ exports this at GLIBCXX_3.4.32; it only ensures the standard streams exist.\n" +
        "namespace std { void ios_base_library_init() { static ios_base::Init init; } }\n";

    public static bool IsNeeded()
    {
        if (!OperatingSystem.IsLinux()) return false;
        var libstdcxx = Libc.DlOpen("libstdc++.so.6", Libc.RtldNow);
        if (libstdcxx == IntPtr.Zero) return false; // nothing to patch against; let TorchSharp report.
        return Libc.DlVSym(libstdcxx, "_ZSt21ios_base_library_initv", MissingVersion) == IntPtr.Zero;
    }

    public static void Install(Assembly torchSharp)
    {
        var original = TorchNatives.LibTorchSharp(torchSharp);
        var natives = Path.GetDirectoryName(original)!;
        var directory = NativeCache.Directory(natives);

        NativeShim.Load("harness-glibcxx-shim", ShimSource, directory,
            $"to stand in for libstdc++'s {MissingVersion} (TorchSharp needs it; this system's libstdc++ predates GCC 13)");

        var patched = EnsurePatchedCopy(original, directory);
        // The patched copy's RUNPATH is $ORIGIN, like the original's. Beside the original, its libtorch dependencies resolve
        // to the same files; in the per-user cache they would not be found, so they are opened first from TorchSharp's
        // directory, and the loader then matches the copy's DT_NEEDED entries to them by soname.
        if (directory != natives)
            foreach (var dependency in LibTorchDependencies)
                NativeShim.Open(Path.Combine(natives, dependency));
        var handle = NativeShim.Open(patched);
        NativeLibrary.SetDllImportResolver(torchSharp,
            (name, _, _) => name is "LibTorchSharp" or "libLibTorchSharp" or "libLibTorchSharp.so" ? handle : IntPtr.Zero);
    }

    /// <summary>libLibTorchSharp.so's DT_NEEDED entries that ship beside it (readelf -d), in dependency order.</summary>
    private static readonly string[] LibTorchDependencies = ["libc10.so", "libtorch_cpu.so", "libtorch.so"];

    /// <summary>The copy is named by a hash of its bytes, and reused only when it holds exactly the bytes patched from the
    /// original now; anything else under that name (changed, half-written) is replaced by atomic rename, not loaded.</summary>
    private static string EnsurePatchedCopy(string original, string directory)
    {
        var bytes = File.ReadAllBytes(original);
        var patched = ElfVersionPatch.MarkVersionWeak(bytes, MissingVersion, original)
            ?? throw new InvalidOperationException(
                $"{original} does not require {MissingVersion}, yet TorchSharp cannot load; this workaround does not apply.");
        var path = Path.Combine(directory, $"libLibTorchSharp.weak-glibcxx.{NativeShim.ShortHash(patched)}.so");
        if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(patched)) AtomicFile.WriteAllBytes(path, patched);
        return path;
    }
}

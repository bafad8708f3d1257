using System.Runtime.InteropServices;

namespace Harness.Native;

/// <summary>The few libc calls the native set-up needs; .NET has no managed equivalent for them.</summary>
internal static partial class Libc
{
    public const int RtldNow = 0x2;
    public const int RtldGlobal = 0x100;

    [LibraryImport("libc", EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr DlOpen(string? path, int flags);

    [LibraryImport("libc", EntryPoint = "dlvsym", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr DlVSym(IntPtr handle, string symbol, string version);

    [LibraryImport("libc", EntryPoint = "dlerror")]
    private static partial IntPtr DlErrorPtr();

    /// <summary>.NET's Environment.SetEnvironmentVariable only changes the managed copy on Linux;
    /// libtorch, OpenMP and MKL read the native environment, so numeric settings go through here.</summary>
    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnvPtr(string name);

    [LibraryImport("libc", EntryPoint = "gnu_get_libc_version")]
    private static partial IntPtr GnuGetLibcVersion();

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr RealPathPtr(string path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(IntPtr pointer);

    /// <summary>The canonical absolute path, every symlink resolved; null when it does not exist.</summary>
    public static string? RealPath(string path)
    {
        var resolved = RealPathPtr(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero) return null;
        try { return Marshal.PtrToStringUTF8(resolved); }
        finally { Free(resolved); }
    }

    public static string LastDlError() => Marshal.PtrToStringUTF8(DlErrorPtr()) ?? "(no dlerror message)";

    /// <summary>The native environment's value, which is what libtorch will see.</summary>
    public static string? GetEnv(string name) => OperatingSystem.IsLinux() ? Marshal.PtrToStringUTF8(GetEnvPtr(name))
        : Environment.GetEnvironmentVariable(name);

    /// <summary>glibc's version, e.g. "2.36"; "unknown" elsewhere.</summary>
    public static string Version()
    {
        try
        {
            return Marshal.PtrToStringUTF8(GnuGetLibcVersion()) ?? "unknown";
        }
        catch (EntryPointNotFoundException)
        {
            return "unknown"; // not glibc (musl, macOS)
        }
    }
}

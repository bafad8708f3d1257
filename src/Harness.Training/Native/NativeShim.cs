using System.Security.Cryptography;
using System.Text;

namespace Harness.Native;

/// <summary>
/// A tiny shared library compiled here with g++ from source held in this program, and opened RTLD_GLOBAL so that
/// libraries loaded after it bind to its symbols. Built once per source text under a content-addressed name in a
/// <see cref="NativeCache">trusted directory</see>, and opened only when its bytes match the SHA-256 recorded when it was
/// built (<see cref="HashedFile"/>); anything else there is rebuilt, never loaded.
/// </summary>
internal static class NativeShim
{
    /// <summary>Builds (when missing or not intact) and opens the shim; returns its dlopen handle.</summary>
    /// <param name="purpose">What the shim is for, for error messages.</param>
    public static IntPtr Load(string name, string source, string directory, string purpose) =>
        Open(Ensure(name, source, directory, purpose));

    /// <summary>The path of an intact build of <paramref name="source"/> in <paramref name="directory"/>.</summary>
    /// <exception cref="NativeShimException">The directory is not trusted, or g++ is missing.</exception>
    public static string Ensure(string name, string source, string directory, string purpose)
    {
        // The callers chose a trusted directory; checked again here because everything below relies on it.
        if (TrustedDirectory.Problem(directory) is { } problem)
            throw new NativeShimException($"Refusing to build or load the library {purpose} in {directory}: {problem}.");

        var path = Path.Combine(directory, $"lib{name}.{ShortHash(Encoding.UTF8.GetBytes(source))}.so");
        if (!HashedFile.IsIntact(path)) HashedFile.Publish(path, GccCompiler.SharedLibrary(source, purpose));
        return path;
    }

    public static IntPtr Open(string path)
    {
        var handle = Libc.DlOpen(path, Libc.RtldNow | Libc.RtldGlobal);
        return handle != IntPtr.Zero ? handle
            : throw new InvalidOperationException($"Could not load {path}: {Libc.LastDlError()}");
    }

    public static string ShortHash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
}

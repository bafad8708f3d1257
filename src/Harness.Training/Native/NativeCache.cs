using Harness.IO;

namespace Harness.Native;

/// <summary>
/// Where the shims Harness compiles (and the patched copy of libLibTorchSharp.so) are kept: beside TorchSharp's natives
/// when that directory is <see cref="TrustedDirectory">trusted</see>, else a private per-user cache, so that an install
/// in a shared or foreign directory still runs rather than fails.
/// </summary>
internal static class NativeCache
{
    /// <summary>Overrides the choice, e.g. to force a fresh build; created 0700 when missing, and refused when unsafe.</summary>
    public const string Variable = "HARNESS_NATIVE_CACHE";

    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <exception cref="NativeShimException">The chosen directory is not safe to load libraries from.</exception>
    public static string Directory(string nativeDirectory) => Directory(nativeDirectory, Environment.GetEnvironmentVariable);

    /// <param name="environment">Reads an environment variable (tests pass their own).</param>
    public static string Directory(string nativeDirectory, Func<string, string?> environment)
    {
        if (environment(Variable) is { Length: > 0 } chosen) return Prepare(chosen, $"{Variable} names");
        if (TrustedDirectory.Problem(nativeDirectory) is null) return nativeDirectory;
        return Prepare(UserCache.Folder("native", environment), "the per-user cache is");
    }

    private static string Prepare(string directory, string what)
    {
        var full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full))
        {
            if (OperatingSystem.IsWindows()) System.IO.Directory.CreateDirectory(full);
            else System.IO.Directory.CreateDirectory(full, Private);
        }
        return TrustedDirectory.Problem(full) is { } problem
            ? throw new NativeShimException(
                $"{what} {full} as the place for the native libraries Harness compiles and loads, but it is not safe: {problem}. " +
                $"Make it private (chmod 700), or set {Variable} to a directory only you can write.")
            : full;
    }
}

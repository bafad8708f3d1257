using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Harness.Native;

/// <summary>
/// A tiny shared library compiled here with g++ from source held in this program, and opened RTLD_GLOBAL so that
/// libraries loaded after it bind to its symbols. Built once per source text under a content-addressed name, via
/// temp + rename, so two processes starting at once either find a complete file or write identical bytes.
/// </summary>
internal static class NativeShim
{
    /// <summary>Builds (when missing) and opens the shim; returns its dlopen handle.</summary>
    /// <param name="purpose">What the shim is for, for error messages.</param>
    public static IntPtr Load(string name, string source, string directory, string purpose) =>
        Open(Ensure(name, source, directory, purpose));

    public static string Ensure(string name, string source, string directory, string purpose)
    {
        var path = Path.Combine(directory, $"lib{name}.{ShortHash(Encoding.UTF8.GetBytes(source))}.so");
        if (File.Exists(path)) return path;

        var sourcePath = Path.Combine(Path.GetTempPath(), $"{name}.{Environment.ProcessId}.cpp");
        var temp = path + $".{Environment.ProcessId}.tmp";
        File.WriteAllText(sourcePath, source);
        try
        {
            var (exitCode, output) = RunCompiler(sourcePath, temp, purpose);
            if (exitCode != 0)
                throw new InvalidOperationException($"g++ failed to build {path}, {purpose} (exit {exitCode}):\n{output}");
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(sourcePath);
            File.Delete(temp);
        }
        return path;
    }

    public static IntPtr Open(string path)
    {
        var handle = Libc.DlOpen(path, Libc.RtldNow | Libc.RtldGlobal);
        return handle != IntPtr.Zero ? handle
            : throw new InvalidOperationException($"Could not load {path}: {Libc.LastDlError()}");
    }

    public static string ShortHash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];

    private static (int ExitCode, string Output) RunCompiler(string source, string output, string purpose)
    {
        var start = new ProcessStartInfo("g++", ["-shared", "-fPIC", "-O2", "-o", output, source])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            using var process = Process.Start(start)!;
            var text = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, text);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"Harness builds a small library with g++, {purpose}, but g++ could not be started ({e.Message}). " +
                "Install g++ (e.g. apt-get install g++).", e);
        }
    }
}

using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Harness.IO;

namespace Harness.Native;

/// <summary>
/// Compiles C++ source held in this program into a shared library with g++, touching no file under a predictable name:
/// the source goes in on stdin, and g++ writes its output and its own intermediates (TMPDIR) in a fresh private
/// directory (0700, random name), which is removed afterwards. The bytes are returned for the caller to publish. A process
/// killed mid-build cannot remove its directory: it is named <c>harness-native-&lt;pid&gt;-&lt;random&gt;</c> and holds its
/// owner (<see cref="OwnedFolder"/>), so that a later command removes it once that process is gone.
/// </summary>
internal static partial class GccCompiler
{
    public const string Program = "g++";
    public const string Install = "apt-get install g++";

    /// <param name="purpose">What the library is for, for error messages.</param>
    /// <exception cref="NativeShimException">g++ is not installed.</exception>
    public static byte[] SharedLibrary(string source, string purpose)
    {
        var work = Directory.CreateTempSubdirectory($"harness-native-{Environment.ProcessId}-"); // mkdtemp: 0700, a name nobody could plant
        try
        {
            OwnedFolder.Claim(work.FullName);
            var output = Path.Combine(work.FullName, "shim.so");
            var start = new ProcessStartInfo(Program, ["-x", "c++", "-", "-shared", "-fPIC", "-O2", "-o", output])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["TMPDIR"] = work.FullName },
            };
            var (exitCode, messages) = Run(start, source, purpose);
            if (exitCode != 0)
                throw new InvalidOperationException($"g++ failed to build the library {purpose} (exit {exitCode}):\n{messages}");
            return File.ReadAllBytes(output);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Removes the build directories in the temp folder that processes now gone left behind.</summary>
    /// <returns>Each directory removed, and why its owner counts as gone.</returns>
    public static IReadOnlyList<(string Folder, string Why)> RemoveAbandoned() =>
        OwnedFolder.RemoveAbandoned(Path.GetTempPath(), BuildDirectory());

    [GeneratedRegex("^harness-native-(?<pid>[0-9]+)-[A-Za-z0-9]+$")]
    private static partial Regex BuildDirectory();

    private static (int ExitCode, string Messages) Run(ProcessStartInfo start, string source, string purpose)
    {
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new NativeShimException(
                $"Harness compiles a small library with {Program} {purpose}, but {Program} could not be started ({e.Message}). " +
                $"Install it (Debian/Ubuntu: {Install}) and make sure it is on PATH.", e);
        }
        using (process)
        {
            // Both pipes read at once so that neither fills while the other is waited on.
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            process.StandardInput.Write(source);
            process.StandardInput.Close();
            process.WaitForExit();
            return (process.ExitCode, errors.Result + output.Result);
        }
    }
}

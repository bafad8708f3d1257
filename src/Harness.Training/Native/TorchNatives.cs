using System.Reflection;
using System.Runtime.InteropServices;

namespace Harness.Native;

/// <summary>
/// Where TorchSharp's native libraries are: the shims Harness builds are placed beside them when that is safe (<see
/// cref="NativeCache"/>).
/// </summary>
internal static class TorchNatives
{
    public static string LibTorchSharp(Assembly torchSharp)
    {
        var baseDir = Path.GetDirectoryName(torchSharp.Location) ?? AppContext.BaseDirectory;
        string[] candidates =
        [
            Path.Combine(baseDir, "runtimes", RuntimeInformation.RuntimeIdentifier, "native", "libLibTorchSharp.so"),
            Path.Combine(baseDir, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"),
            Path.Combine(baseDir, "libLibTorchSharp.so"),
        ];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                "TorchSharp's native library libLibTorchSharp.so was not found. Looked in:\n  " +
                string.Join("\n  ", candidates) + "\nIs the TorchSharp-cpu package referenced and restored?");
    }

    public static string Directory(Assembly torchSharp) => Path.GetDirectoryName(LibTorchSharp(torchSharp))!;
}

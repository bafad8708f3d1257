using System.Runtime.Versioning;

namespace Harness.Tests.Unit.Native;

/// <summary>A fresh 0700 directory under the temp path (trusted: /tmp is sticky), removed with everything in it.</summary>
[SupportedOSPlatform("linux")]
internal sealed class PrivateTempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("harness-test-").FullName;

    public string Sub(string name, UnixFileMode mode)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, mode); // explicitly, past the umask
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

using System.Diagnostics;

namespace Harness.Tests;

/// <summary>
/// A file system with no space left: a 512 KiB tmpfs mounted in a scratch folder and filled, unmounted on dispose. Mounting
/// needs root, or passwordless sudo (as on GitHub's runners); without either the test cannot check what it exists to check
/// (<see cref="NotRun"/>).
/// </summary>
internal sealed class FullFileSystem : IDisposable
{
    private FullFileSystem(string directory) => Directory = directory;

    /// <summary>The mounted folder, full: a new file can be made in it, but not a byte written.</summary>
    public string Directory { get; }

    public static FullFileSystem Mount()
    {
        var directory = TestScratch.Path("harness-full");
        System.IO.Directory.CreateDirectory(directory);
        // Writable by whoever runs the tests, sudo or not.
        var (exitCode, output) = AsRoot("mount", "-t", "tmpfs", "-o", "size=512k,mode=1777", "tmpfs", directory);
        if (exitCode != 0)
        {
            System.IO.Directory.Delete(directory);
            NotRun.Because($"a full file system could not be mounted (mount -t tmpfs exited {exitCode}: {output.Trim()})",
                "run the tests as root or with passwordless sudo, where tmpfs can be mounted (a container needs CAP_SYS_ADMIN)");
        }
        var full = new FullFileSystem(directory);
        try
        {
            // Unbuffered, so the write that finds the disk full fails here rather than in a flush.
            using var fill = new FileStream(Path.Combine(directory, "fill"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 0);
            var block = new byte[4096];
            while (true) fill.Write(block);
        }
        catch (IOException)
        {
            // Full.
        }
        catch
        {
            full.Dispose();
            throw;
        }
        return full;
    }

    public void Dispose()
    {
        // Lazy, so a file a killed child still holds open cannot keep the mount, and the scratch folder, behind.
        AsRoot("umount", "-l", Directory);
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static (int ExitCode, string Output) AsRoot(string program, params string[] args) =>
        Environment.UserName == "root" ? Command(program, args) : Command("sudo", ["-n", program, .. args]);

    private static (int ExitCode, string Output) Command(string program, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, args)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output + error.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"{program}: {e.Message}");
        }
    }
}

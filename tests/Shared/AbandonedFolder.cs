using System.Diagnostics;
using System.Globalization;
using Harness.IO;

namespace Harness.Tests;

/// <summary>Folders as a killed harness process leaves them: half its work, and the owner file naming it (pid, host, start).</summary>
internal static class AbandonedFolder
{
    /// <summary>The pid of a process that has exited: a real child, waited for.</summary>
    public static int ExitedPid()
    {
        using var exited = Process.Start("true")!;
        exited.WaitForExit();
        return exited.Id;
    }

    /// <summary>As <see cref="OwnedFolder.Claim"/> writes it, for the process given.</summary>
    /// <param name="start">The process's start time; default now (for an exited pid, any time will do).</param>
    /// <param name="host">Default this host.</param>
    public static string Plant(string folder, int pid, DateTime? start = null, string? host = null)
    {
        Directory.CreateDirectory(Path.Combine(folder, "obj"));
        File.WriteAllText(Path.Combine(folder, "obj", "shim.so"), "half a library");
        var started = (start ?? DateTime.UtcNow).ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(folder, OwnedFolder.OwnerFile),
            $$"""{"Pid":{{pid}},"Host":"{{host ?? Environment.MachineName}}","ProcessStart":"{{started}}"}""");
        return folder;
    }

    /// <summary>A folder of this process's, as it is while its work goes on.</summary>
    public static string Live(string folder)
    {
        Directory.CreateDirectory(folder);
        OwnedFolder.Claim(folder);
        return folder;
    }
}

using System.ComponentModel;
using System.Diagnostics;

namespace Harness.IO;

/// <summary>The commit a file's repository is at: what a registration records so its code can be found again.</summary>
internal static class GitCommit
{
    /// <summary>
    /// <c>git rev-parse --short HEAD</c> in the repository holding <paramref name="path"/>; null with the reason when there
    /// is none to be had (no git, no repository, no commit yet). Never a placeholder: a registration without its commit
    /// could not be traced.
    /// </summary>
    public static string? ShortHead(string path, out string? problem)
    {
        var directory = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!;
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-C", directory, "rev-parse", "--short", "HEAD" }) start.ArgumentList.Add(argument);
        try
        {
            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEndAsync();
            var error = git.StandardError.ReadToEnd();
            git.WaitForExit();
            problem = git.ExitCode == 0 ? null
                : $"'git rev-parse --short HEAD' in {directory} failed ({error.Trim()}): a registration records the commit it was made " +
                    "at, so the claims file must be in a git repository with at least one commit";
            return problem is null ? output.Result.Trim() : null;
        }
        catch (Win32Exception e)
        {
            problem = $"git could not be started ({e.Message}): a registration records the commit it was made at, so git must be on PATH";
            return null;
        }
    }
}

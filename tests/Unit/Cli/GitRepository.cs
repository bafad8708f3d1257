using System.Diagnostics;

namespace Harness.Tests.Unit.Cli;

/// <summary>Makes a temporary folder a git repository with one commit: registrations record the commit they were made at.</summary>
internal static class GitRepository
{
    /// <summary>Returns the short hash of the commit, as <c>git rev-parse --short HEAD</c> prints it.</summary>
    public static string Init(string folder)
    {
        Git(folder, "init", "--quiet");
        Git(folder, "add", "--all");
        Git(folder, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "--quiet", "--no-gpg-sign", "-m", "experiment");
        return Git(folder, "rev-parse", "--short", "HEAD").Trim();
    }

    private static string Git(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEndAsync();
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return git.ExitCode == 0 ? output
            : throw new InvalidOperationException($"git {string.Join(' ', args)} in {folder}: {error.Result}");
    }
}

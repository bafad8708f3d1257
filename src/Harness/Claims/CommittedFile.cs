using System.ComponentModel;
using System.Diagnostics;

namespace Harness.Claims;

/// <summary>
/// A file as some commit holds it: what checks that a registration's or a declaration's commit says what it registered.
/// (Beside <see cref="IO.GitCommit"/> rather than in it: IO is part of the training code's identity, so an edit there
/// would retrain every stored run.)
/// </summary>
internal static class CommittedFile
{
    /// <summary>
    /// The text of <paramref name="path"/> at <paramref name="commit"/> (<c>git show commit:path</c>), or null with the reason
    /// (no git, the commit is not in this clone, the file did not exist there).
    /// </summary>
    public static string? At(string path, string commit, out string? problem)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        var relative = Git(directory, out problem, "ls-files", "--full-name", "--error-unmatch", "--", Path.GetFileName(full))?.Trim();
        return relative is null ? null : Git(directory, out problem, "show", $"{commit}:{relative}");
    }

    private static string? Git(string directory, out string? problem, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-C", directory }.Concat(arguments)) start.ArgumentList.Add(argument);
        try
        {
            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEndAsync();
            var error = git.StandardError.ReadToEnd();
            git.WaitForExit();
            problem = git.ExitCode == 0 ? null : $"'git {string.Join(' ', arguments)}' in {directory} failed: {error.Trim()}";
            return problem is null ? output.Result : null;
        }
        catch (Win32Exception e)
        {
            problem = $"git could not be started ({e.Message})";
            return null;
        }
    }
}

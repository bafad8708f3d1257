using Harness.Native;
using Harness.Report;

namespace Harness.Cli;

/// <summary>
/// What killed processes left behind, removed at the start of the commands that make such folders: the native build
/// directories in the temp folder (any command that may build the native shims) and the report's staging folders under
/// <c>--out</c> (<c>reproduce</c>). Only folders proved to be a harness process's, of this user, whose process is gone
/// (<see cref="IO.OwnedFolder"/>); each removal is said, on its own line.
/// </summary>
internal static class Leftovers
{
    /// <param name="outRoot">The report's <c>--out</c>, or null for a command that writes no report.</param>
    public static void Remove(TextWriter output, string? outRoot = null)
    {
        var removed = GccCompiler.RemoveAbandoned();
        if (outRoot is not null) removed = [.. removed, .. ReportDirectory.RemoveAbandoned(outRoot)];
        foreach (var (folder, why) in removed)
            output.WriteLine($"Removed {folder}, left behind by a harness process that is gone ({why}).");
    }
}

using Harness.Report;
using Harness.Reproduction;

namespace Harness.Cli;

/// <summary>
/// The checks on <c>reproduce --out</c> made before anything trains: the report's folder must be apart from the
/// experiment's own files (a report's claims.json over the experiment's would break the next run), and writable (else
/// an hour of training ends in an error).
/// </summary>
internal static class OutDirectoryCheck
{
    // Case-insensitive where the file system usually is: a refusal there costs nothing, a miss costs the experiment's files.
    private static readonly StringComparison Comparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>Throws a <see cref="UsageException"/> naming <c>--out</c>, the folder and what it collides with, or what the
    /// file system said when the folder could not be written.</summary>
    public static void ThrowIfUnsafe(ReportDirectory report, ExperimentFolder folder)
    {
        var target = Canonical(report.Path);
        var protectedFolders = new List<(string What, string Path)>
        {
            ("the experiment's folder", folder.Experiment.Folder),
            ("the experiment's baselines folder", folder.Files.Baselines),
        };
        // A shipped experiment's registrations are recorded in its source folder, not in the build's copy it was read from.
        if (SourceFolder(folder) is { } source) protectedFolders.Add(("the experiment's source folder", source));
        foreach (var (what, path) in protectedFolders)
        {
            var guarded = Canonical(path);
            var relation = Same(target, guarded) ? "is" : Inside(target, guarded) ? "is inside"
                : Inside(guarded, target) ? "contains" : null;
            if (relation is null) continue;
            throw new UsageException($"error: --out {report.OutRoot}: the report would be written to {target}, which {relation} {what} " +
                                     $"{guarded}; the report's files (claims.json, runs/, figures/) would overwrite the experiment's. " +
                                     "Choose a folder apart from the experiment and its baselines.");
        }

        ThrowIfUnwritable(report.OutRoot, report.CheckWritable);
    }

    /// <summary>Runs <paramref name="probe"/> (which creates <paramref name="outRoot"/> and writes there), turning what the
    /// file system throws into a <see cref="UsageException"/> naming <c>--out</c> and the folder.</summary>
    public static void ThrowIfUnwritable(string outRoot, Action probe)
    {
        try
        {
            probe();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"error: --out {outRoot}: cannot write under {Path.GetFullPath(outRoot)}, so " +
                $"nothing was trained: {e.Message}");
        }
    }

    /// <summary>Where <c>--register</c> would write; null outside a repository (an installed tool), where there is none.</summary>
    private static string? SourceFolder(ExperimentFolder folder)
    {
        try
        {
            return Path.GetDirectoryName(folder.Files.ClaimsSource);
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The full path with every existing symbolic link along it resolved, so two spellings of a folder compare equal.</summary>
    public static string Canonical(string path)
    {
        try
        {
            return Resolve(path);
        }
        catch (IOException)
        {
            return Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)); // a loop of links: compare as spelled
        }
    }

    private static string Resolve(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var root = Path.GetPathRoot(full)!;
        var current = root;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (!info.Exists) return Path.Combine([next, .. parts[(i + 1)..]]); // nothing below a missing folder can be a link
            var target = info.LinkTarget is null ? null : info.ResolveLinkTarget(returnFinalTarget: true);
            // A link's target may itself sit under links: resolve it whole, then carry on below it.
            current = target is null ? next : Path.TrimEndingDirectorySeparator(Resolve(target.FullName));
        }
        return current;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, Comparison);

    /// <summary>
    /// Whether <paramref name="path"/> lies strictly below <paramref name="folder"/>: with the separator, so /a/bc is
    /// not inside /a/b.
    /// </summary>
    private static bool Inside(string path, string folder) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, Comparison);
}

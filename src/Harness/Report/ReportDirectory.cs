using System.Text.Json;
using System.Text.RegularExpressions;
using Harness.IO;

namespace Harness.Report;

/// <summary>
/// <c>OUT/&lt;experiment&gt;/</c>, written so that the program deletes only what it wrote itself. The whole report set is
/// written into a fresh staging folder beside it (<c>OUT/.&lt;experiment&gt;.&lt;pid&gt;.&lt;id&gt;.tmp</c>, on the same file
/// system) and only then moved in, file by file, each by one rename: no reader ever sees half a file (a curves.png
/// being drawn, a report.md cut short), and a write that fails (a full disk) leaves the previous set as it was. A
/// manifest (<see cref="ManifestFile"/>) lists what was moved in, so the next run deletes the files of that list it no
/// longer writes (runs of a grid since made smaller) and nothing else: a user's notes in <c>runs/</c>, <c>figures/</c> or
/// beside them stay. Swapping the whole folder in one rename would be atomic for the set too, but would take the user's
/// files with the old folder; per-file renames keep them, at the price of a reader seeing old and new files side by side
/// for the instant the moves take. A process killed mid-write cannot remove its staging folder, which therefore holds its
/// owner (<see cref="OwnedFolder"/>): the next <c>reproduce</c> into the same OUT removes it once that process is gone
/// (<see cref="RemoveAbandoned"/>).
/// </summary>
internal sealed partial class ReportDirectory(string outRoot, string name)
{
    public const string ManifestFile = ".harness-manifest.json";

    /// <summary>The folder reports go under (<c>--out</c>), as given.</summary>
    public string OutRoot { get; } = outRoot;

    /// <summary><c>OUT/&lt;experiment&gt;</c>, as given (relative when <c>--out</c> was).</summary>
    public string Path { get; } = System.IO.Path.Combine(outRoot, name);

    private string Manifest => System.IO.Path.Combine(Path, ManifestFile);

    /// <summary>
    /// Writes and deletes a file wherever publishing will write (OUT, for the staging folder, and the report's folders
    /// that already exist), so an unwritable <c>--out</c> is found before anything trains. Throws what the file system
    /// threw. Leaves no trace: a command refused later (a numerics variable, the data) still has written nothing.
    /// </summary>
    public void CheckWritable()
    {
        Probe(OutRoot);
        var folders = new[] { Path, System.IO.Path.Combine(Path, RunFiles.Folder), System.IO.Path.Combine(Path, Figures.Folder) };
        foreach (var folder in folders.Where(Directory.Exists)) Probe(folder);
    }

    /// <summary>
    /// Creates <paramref name="folder"/>, writes and deletes a hidden, uniquely named empty file in it, and removes again
    /// the folders it had to create. Throws what the file system threw.
    /// </summary>
    public static void Probe(string folder)
    {
        var created = new List<string>(); // deepest first
        for (var d = System.IO.Path.GetFullPath(folder); d is not null
            && !Directory.Exists(d); d = System.IO.Path.GetDirectoryName(d)) created.Add(d);
        try
        {
            Directory.CreateDirectory(folder);
            var probe = System.IO.Path.Combine(folder, $".probe.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        finally
        {
            foreach (var d in created)
                if (Directory.Exists(d) && !Directory.EnumerateFileSystemEntries(d).Any()) Directory.Delete(d);
        }
    }

    /// <summary>
    /// Calls <paramref name="write"/> with an empty staging folder, then moves everything it wrote into <see cref="Path"/>
    /// and deletes the files the last manifest lists that this set no longer has. When <paramref name="write"/> throws,
    /// nothing is moved: the previous report stays whole. The staging folder is gone afterwards either way.
    /// </summary>
    /// <returns>What <paramref name="write"/> returned, and the files now in place (relative, '/'-separated).</returns>
    public (T Result, IReadOnlyList<string> Files) Publish<T>(Func<string, T> write)
    {
        var staging = System.IO.Path.Combine(OutRoot, TemporaryName());
        Directory.CreateDirectory(staging);
        try
        {
            OwnedFolder.Claim(staging);
            var result = write(staging);
            var files = Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories)
                .Select(f => System.IO.Path.GetRelativePath(staging, f).Replace('\\', '/')).Where(f => f != OwnedFolder.OwnerFile)
                .Order(StringComparer.Ordinal).ToList();
            var previous = ReadManifest();
            Directory.CreateDirectory(Path);
            foreach (var file in files)
            {
                var target = System.IO.Path.Combine(Path, file);
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
                File.Move(System.IO.Path.Combine(staging, file), target, overwrite: true);
            }
            // The manifest before the deletions: a run killed between the two leaves stale files listed nowhere, never a
            // manifest that names a user's file.
            AtomicFile.WriteAllText(Manifest,
                JsonSerializer.Serialize(new { files }, new JsonSerializerOptions { WriteIndented = true }) + "\n");
            DeleteStale(previous.Except(files, StringComparer.Ordinal));
            return (result, files);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>The files the last run moved in; none when there is no manifest (a first run, or a report written before
    /// there were manifests, whose files are then overwritten where the names coincide but never deleted).</summary>
    private IReadOnlyList<string> ReadManifest()
    {
        if (!File.Exists(Manifest)) return [];
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Manifest));
            return document.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString())
                .OfType<string>().Where(Owned).ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return []; // an edited or broken manifest costs stale files, never a user's file
        }
    }

    /// <summary>Only plain relative names below the report's folder: an edited manifest cannot aim a deletion elsewhere.</summary>
    private static bool Owned(string file) =>
        file.Length > 0 && !System.IO.Path.IsPathRooted(file) && !file.Split('/', '\\').Any(part => part is "" or "." or "..")
        && file != ManifestFile;

    private void DeleteStale(IEnumerable<string> stale)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in stale)
        {
            var path = System.IO.Path.Combine(Path, file);
            if (File.Exists(path)) File.Delete(path);
            if (System.IO.Path.GetDirectoryName(file) is { Length: > 0 } folder) folders.Add(System.IO.Path.Combine(Path, folder));
        }
        // A folder that only held stale files of ours goes too; one with anything else in it stays.
        foreach (var folder in folders.OrderByDescending(f => f.Length))
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
    }

    /// <summary>Hidden, unique per process and call, and named after the experiment so a leftover says whose it is.</summary>
    private string TemporaryName() => $".{System.IO.Path.GetFileName(Path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";

    /// <summary>Removes the staging folders in <paramref name="outRoot"/> (any experiment's) that processes now gone left.</summary>
    /// <returns>Each folder removed, and why its owner counts as gone.</returns>
    public static IReadOnlyList<(string Folder, string Why)> RemoveAbandoned(string outRoot) =>
        OwnedFolder.RemoveAbandoned(outRoot, StagingFolder());

    /// <summary>What <see cref="TemporaryName"/> makes.</summary>
    [GeneratedRegex(@"^\..+\.(?<pid>[0-9]+)\.[0-9a-f]{32}\.tmp$")]
    private static partial Regex StagingFolder();
}

using System.Text.RegularExpressions;
using Harness.Settings;
using Harness.History;
using Harness.IO;

namespace Harness.Store;

/// <summary>
/// A content-addressed directory of finished runs: one file per run, <c>&lt;first two hex digits&gt;/&lt;key&gt;.json</c>
/// (<see cref="StoreEntryJson"/>). Entries are written atomically (a killed process leaves a stray <c>.*.tmp</c>, never a
/// partial entry) and never depend on each other, so stores merge by copying their files; two stores holding the same
/// key with different histories is a nondeterminism the merge must report. Beside an entry, <c>&lt;key&gt;.lock</c> says
/// a process is training it (<see cref="RunLock"/>). Nothing else under the root is the store's: clearing leaves it.
/// </summary>
/// <param name="lockStaleAfter">How long a lock may stay unchanged before it is stale [default: <see
/// cref="RunLock.DefaultStaleAfter"/>].</param>
internal sealed partial class RunStore(string root, TimeSpan? lockStaleAfter = null)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>How long a lock may stay unchanged, by its time or while a process waits for it, before it is taken over: the
    /// longest a process waits for another's run without seeing it progress.</summary>
    public TimeSpan LockStaleAfter { get; } = lockStaleAfter ?? RunLock.DefaultStaleAfter;

    /// <summary>The store the environment names (<see cref="StoreLocation"/>), or null when it turns the store off.</summary>
    public static RunStore? FromEnvironment() =>
        StoreLocation.FromEnvironment() is { } root ? new RunStore(root, StoreLocation.LockStaleAfter()) : null;

    public string PathOf(string key) => Path.Combine(Root, key[..2], key + ".json");

    public string LockPathOf(string key) => Path.Combine(Root, key[..2], key + ".lock");

    /// <summary>The entry under <paramref name="key"/>; no entry and no problem when there is none, no entry and the problem
    /// when its file is not a regular file of sane size, cannot be read, is not a whole entry or is not the entry of that key.</summary>
    public (StoreEntry? Entry, string? Problem) Read(string key)
    {
        var path = PathOf(key);
        var (text, problem) = EntryFile.Read(path);
        if (text is null) return (null, problem is null ? null : $"{path}: {problem}");
        try
        {
            var entry = StoreEntryJson.Parse(text);
            return entry.Key == key ? (entry, null) : (null, $"{path}: holds the entry of key {entry.Key}");
        }
        catch (InvalidDataException e)
        {
            return (null, $"{path}: not a valid store entry: {e.Message}");
        }
    }

    /// <summary>
    /// The stored result of <paramref name="run"/>, whose key is <paramref name="key"/>: as <see cref="Read(string)"/>, and
    /// then only if the entry's result is bound to its key (<see cref="StoreEntry.Mismatches"/>). The one check of an entry,
    /// whether the run store reads it or stores are merged.
    /// </summary>
    public (RunResult? Result, string? Problem) Read(RunKey key, RunConfig run)
    {
        var (entry, problem) = Read(key.Hash);
        if (entry is null) return (null, problem);
        var mismatches = entry.Mismatches(run);
        return mismatches.Count == 0 ? (entry.ToResult(run), null)
            : (null, $"{PathOf(key.Hash)}: its result is not the run of its key: {string.Join("; ", mismatches)}");
    }

    public string Write(RunKey key, RunResult result)
    {
        var path = PathOf(key.Hash);
        AtomicFile.WriteAllText(path, StoreEntryJson.Serialize(key, result));
        return path;
    }

    /// <summary>Every entry file, by path: files named by a key inside the shard folder of that key (stray temporary files of
    /// killed writers, locks and anything else are not entries; linked shard folders are not followed).</summary>
    public IReadOnlyList<string> EntryPaths() =>
        [.. Shards().SelectMany(d => Directory.EnumerateFiles(d).Where(f => IsEntry(d, f))).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Deletes every entry and every stray temporary file of <see cref="AtomicFile"/>'s, then each shard folder left empty.
    /// Only names the store writes are deleted, and links are never followed: a user's folder that happens to be named
    /// <c>ab</c>, or a file of theirs in a shard folder, stays. Locks stay too: another process may be training that run.
    /// </summary>
    /// <returns>How many entries were deleted.</returns>
    public int Clear()
    {
        var count = 0;
        foreach (var shard in Shards().ToList())
        {
            foreach (var file in Directory.EnumerateFiles(shard).ToList())
                if (IsEntry(shard, file) || IsTemporary(shard, file))
                {
                    File.Delete(file); // a link is deleted itself, never its target
                    if (IsEntry(shard, file)) count++;
                }
            try
            {
                if (!Directory.EnumerateFileSystemEntries(shard).Any()) Directory.Delete(shard);
            }
            catch (IOException)
            {
                // Another process wrote into it meanwhile: it is in use, and stays.
            }
        }
        return count;
    }

    /// <summary>Folders named as a key's first two hex digits, that are folders and not links to one.</summary>
    private IEnumerable<string> Shards() =>
        !Directory.Exists(Root) ? []
        : Directory.EnumerateDirectories(Root).Where(d => ShardName().IsMatch(Path.GetFileName(d))
            && !new DirectoryInfo(d).Attributes.HasFlag(FileAttributes.ReparsePoint));

    private static bool IsEntry(string shard, string file) =>
        EntryName().IsMatch(Path.GetFileName(file)) && Path.GetFileName(file).StartsWith(Path.GetFileName(shard), StringComparison.Ordinal);

    /// <summary>What <see cref="AtomicFile"/> writes an entry to first: <c>.&lt;key&gt;.json.&lt;pid&gt;.&lt;n&gt;.tmp</c>.</summary>
    private static bool IsTemporary(string shard, string file) =>
        TemporaryName().Match(Path.GetFileName(file)) is { Success: true } match
        && match.Groups[1].Value.StartsWith(Path.GetFileName(shard), StringComparison.Ordinal);

    [GeneratedRegex("^[0-9a-f]{2}$")]
    private static partial Regex ShardName();

    [GeneratedRegex(@"^[0-9a-f]{64}\.json$")]
    private static partial Regex EntryName();

    [GeneratedRegex(@"^\.([0-9a-f]{64})\.json\.[0-9]+\.[0-9]+\.tmp$")]
    private static partial Regex TemporaryName();
}

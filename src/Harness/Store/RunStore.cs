using Harness.History;
using Harness.IO;

namespace Harness.Store;

/// <summary>
/// A content-addressed directory of finished runs: one file per run, <c>&lt;first two hex digits&gt;/&lt;key&gt;.json</c>
/// (<see cref="StoreEntryJson"/>). Entries are written atomically (a killed process leaves a stray <c>.*.tmp</c>, never a
/// partial entry) and never depend on each other, so stores merge by copying their files; two stores holding the same
/// key with different histories is a nondeterminism the merge must report.
/// </summary>
public sealed class RunStore(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string PathOf(string key) => Path.Combine(Root, key[..2], key + ".json");

    /// <summary>The entry under <paramref name="key"/>; no entry and no problem when there is none, no entry and the problem
    /// when its file cannot be read, is not a whole entry or is not the entry of that key.</summary>
    public (StoreEntry? Entry, string? Problem) Read(string key)
    {
        var path = PathOf(key);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"{path}: cannot be read: {e.Message}");
        }
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

    public string Write(RunKey key, RunResult result)
    {
        var path = PathOf(key.Hash);
        AtomicFile.WriteAllText(path, StoreEntryJson.Serialize(key, result));
        return path;
    }

    /// <summary>Every entry file, by path (stray temporary files of killed writers are not entries).</summary>
    public IReadOnlyList<string> EntryPaths() =>
        !Directory.Exists(Root) ? []
        : [.. Directory.EnumerateDirectories(Root).Where(IsShard).SelectMany(d => Directory.EnumerateFiles(d, "*.json"))
              .Where(p => !Path.GetFileName(p).StartsWith('.')).Order(StringComparer.Ordinal)];

    /// <summary>Deletes every entry and stray temporary file; anything else under the root (it may be a user's folder) stays.</summary>
    public int Clear()
    {
        var count = EntryPaths().Count;
        if (Directory.Exists(Root))
            foreach (var shard in Directory.EnumerateDirectories(Root).Where(IsShard)) Directory.Delete(shard, recursive: true);
        return count;
    }

    private static bool IsShard(string directory) =>
        Path.GetFileName(directory) is { Length: 2 } name && name.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));
}

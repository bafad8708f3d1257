using Harness.Store;
using static Harness.Tests.Unit.Store.StoreFixtures;

namespace Harness.Tests.Unit.Store;

/// <summary>Entries round-trip exactly; anything that is not a whole entry of its key reads as missing, with the reason.</summary>
public sealed class StoreEntryTests
{
    private string _root = null!;
    private RunStore _store = null!;
    private RunKey Key => RunKey.For(BaseRun, Context);

    [SetUp] public void Create() => _store = new RunStore(_root = TestScratch.Path("harness-store"));
    [TearDown] public void Delete() { if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true); }

    [Test]
    public void Round_trips_every_bit_and_names_its_file_by_its_key()
    {
        var path = _store.Write(Key, Result());
        Assert.That(path, Is.EqualTo(Path.Combine(_root, Key.Hash[..2], Key.Hash + ".json")));
        var (entry, problem) = _store.Read(Key.Hash);
        Assert.That(problem, Is.Null);
        Assert.That(entry!.History.SameAs(Result().History), Is.True);
        Assert.That(entry.Fingerprint, Is.EqualTo(Fingerprint), "the full fingerprint of the machine that trained it");
        Assert.That(entry.Seconds, Is.EqualTo(1.25));
        Assert.That(entry.RunId, Is.EqualTo(BaseRun.RunId));
        Assert.That(StoreEntryJson.Serialize(Key, entry.ToResult(BaseRun)), Is.EqualTo(File.ReadAllText(path)),
            "re-writing changes no byte");
        Assert.That(_store.EntryPaths(), Is.EqualTo(new[] { path }));
    }

    [Test]
    public void A_missing_entry_is_no_entry_and_no_problem()
    {
        Assert.That(_store.Read(Key.Hash), Is.EqualTo(((StoreEntry?)null, (string?)null)));
        Assert.That(_store.EntryPaths(), Is.Empty);
    }

    [TestCase("truncated")]
    [TestCase("garbage")]
    [TestCase("empty")]
    [TestCase("inputs-edited")]
    [TestCase("history-ragged")]
    public void A_broken_entry_is_no_entry_with_the_reason(string damage)
    {
        var path = _store.Write(Key, Result());
        var text = File.ReadAllText(path);
        File.WriteAllText(path, damage switch
        {
            "truncated" => text[..(text.Length / 2)],
            "garbage" => "\u0001\u0002 not json",
            "empty" => "",
            "inputs-edited" => text.Replace("\"layers\": 2", "\"layers\": 3", StringComparison.Ordinal),
            _ => text.Replace("\"val_acc\": [", "\"val_acc\": [ 0.1,", StringComparison.Ordinal),
        });
        Assert.That(File.ReadAllText(path), Is.Not.EqualTo(text), "the damage was done");
        var (entry, problem) = _store.Read(Key.Hash);
        Assert.That(entry, Is.Null);
        Assert.That(problem, Does.StartWith(path + ": "));
    }

    [Test]
    public void Clear_deletes_entries_and_stray_temporary_files_and_nothing_else()
    {
        var path = _store.Write(Key, Result());
        var shard = Path.GetDirectoryName(path)!;
        File.WriteAllText(Path.Combine(shard, $".{Key.Hash}.json.123.1.tmp"), "{");
        File.WriteAllText(Path.Combine(_root, "notes.txt"), "mine");
        Assert.That(_store.EntryPaths(), Has.Count.EqualTo(1), "a temporary file is not an entry");
        Assert.That(_store.Clear(), Is.EqualTo(1));
        Assert.That(_store.EntryPaths(), Is.Empty);
        Assert.That(Directory.GetFileSystemEntries(_root), Is.EqualTo(new[] { Path.Combine(_root, "notes.txt") }),
            "the emptied shard folder went too");
    }

    [Test]
    public void Clear_keeps_a_users_folders_named_like_shards_their_files_in_shard_folders_locks_and_what_links_point_to()
    {
        var path = _store.Write(Key, Result());
        var shard = Path.GetDirectoryName(path)!;
        var lookalike = Path.Combine(_root, "ab", "ab" + new string('0', 62) + ".json"); // an entry's name in its shard: the store's
        string[] kept =
        [
            Path.Combine(_root, "ab", "notes.txt"),                           // a user's folders that look like shards
            Path.Combine(_root, "db", "data", "table.bin"),
            Path.Combine(_root, "db", "ab" + new string('0', 62) + ".json"),  // an entry's name, in another shard's folder
            Path.Combine(_root, "DB", "notes.txt"),                           // not a shard: keys are lower case
            Path.Combine(shard, "README"),                                    // not an entry's name, in a shard folder
            Path.Combine(shard, $".{Key.Hash}.json.tmp"),                     // not a name AtomicFile writes
            Path.Combine(shard, $"{Key.Hash}.lock"),                          // another process may be training it
        ];
        foreach (var file in kept.Append(lookalike))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, "mine");
        }
        // A shard folder that is a link: what it points to is never entered.
        var elsewhere = TestScratch.Path("harness-elsewhere");
        Directory.CreateDirectory(elsewhere);
        var target = Path.Combine(elsewhere, "cd" + new string('0', 62) + ".json");
        File.WriteAllText(target, "mine");
        Directory.CreateSymbolicLink(Path.Combine(_root, "cd"), elsewhere);
        try
        {
            Assert.That(_store.Clear(), Is.EqualTo(2));
            Assert.That(File.Exists(path) || File.Exists(lookalike), Is.False, "the entries went");
            foreach (var file in kept) Assert.That(File.Exists(file), Is.True, file);
            Assert.That(File.Exists(target), Is.True, "a linked folder is not followed");
            Assert.That(Directory.Exists(Path.Combine(_root, "cd")), Is.True, "nor removed");
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Test]
    public void Its_location_is_the_option_else_the_environment_else_the_users_cache()
    {
        string? Env(string name, params (string Name, string Value)[] set) => set.FirstOrDefault(v => v.Name == name).Value;
        Assert.That(StoreLocation.FromEnvironment(n => Env(n, ("HARNESS_STORE", "/s"), ("XDG_CACHE_HOME", "/x"))), Is.EqualTo("/s"));
        Assert.That(StoreLocation.FromEnvironment(n => Env(n, ("XDG_CACHE_HOME", "/x"))), Is.EqualTo("/x/harness/runs"));
        Assert.That(StoreLocation.FromEnvironment(n => Env(n)), Does.EndWith("/.cache/harness/runs"));
        Assert.That(StoreLocation.FromEnvironment(n => Env(n, ("HARNESS_STORE", "/s"), ("HARNESS_NO_STORE", "1"))), Is.Null);
    }
}

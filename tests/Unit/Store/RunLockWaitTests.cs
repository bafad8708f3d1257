using System.Diagnostics;
using System.Globalization;
using Harness.Store;
using static Harness.Tests.Unit.Store.StoreFixtures;

namespace Harness.Tests.Unit.Store;

/// <summary>
/// Every wait on a lock ends: a lock that stays unchanged for the bound while a process waits is stale, whatever its
/// modification time says (a future one, forged or from a clock that runs ahead) and however alive its holder is; a lock
/// that keeps changing is waited on; a lock that cannot be made, or cannot be removed, is never waited for. Bounds of a second
/// or two, as the store is given them (<see cref="RunStore.LockStaleAfter"/>).
/// </summary>
public sealed class RunLockWaitTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);
    private string _root = null!;
    private string _path = null!;

    [SetUp]
    public void Create()
    {
        _root = TestScratch.Path("harness-lockwait");
        _path = Path.Combine(_root, "ab", "ab" + new string('0', 62) + ".lock");
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
    }

    [TearDown] public void Delete() { if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true); }

    /// <summary>This process: alive, on this host, with its true start time, so only the lock's age can make it stale.</summary>
    private static string LiveHolder() =>
        $$"""{"Pid":{{Environment.ProcessId}},"Host":"{{Environment.MachineName}}","ProcessStart":"{{
            Process.GetCurrentProcess().StartTime.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)
        }}","Taken":"2026-01-01T00:00:00Z"}""";

    private static readonly DateTime Tomorrow = DateTime.UtcNow.AddDays(1);

    private void Forge(string content, DateTime touched)
    {
        File.WriteAllText(_path, content);
        File.SetLastWriteTimeUtc(_path, touched);
    }

    private static void Past(TimeSpan span) => Thread.Sleep(span + TimeSpan.FromMilliseconds(200));

    [TestCase("live", TestName = "A future-dated lock of a live process is taken over once unchanged for the bound")]
    [TestCase("", TestName = "A future-dated empty lock is taken over once unchanged for the bound")]
    public void A_future_dated_lock_is_taken_over_once_unchanged_for_the_bound(string content)
    {
        Forge(content == "live" ? LiveHolder() : content, Tomorrow);

        var first = RunLock.TryTake(_path, Bound);
        Assert.That(first.Taken, Is.Null, "alive, and touched in the future: nothing says stale yet");
        Assert.That(first.Seen, Is.Not.Null);
        Past(Bound);
        var second = RunLock.TryTake(_path, Bound, first.Seen);

        using var taken = second.Taken;
        Assert.That(taken, Is.Not.Null, "unchanged for longer than the bound while this process waited");
        Assert.That(second.TookOverFrom, Does.Match(@"\((unreadable, and )?unchanged for \d+(\.\d)? s while this process waited"));
        Assert.That(File.ReadAllText(_path), Does.Contain($"\"Pid\":{Environment.ProcessId}").And.Not.Contain("2026-01-01"),
            "the lock is this process's now");
    }

    [Test]
    public void A_lock_that_keeps_changing_is_waited_on_past_the_bound_and_taken_over_once_it_stops()
    {
        var bound = TimeSpan.FromSeconds(2);
        Forge(LiveHolder(), Tomorrow);
        var seen = RunLock.TryTake(_path, bound).Seen;
        var clock = Stopwatch.StartNew();
        for (var i = 1; clock.Elapsed < bound + TimeSpan.FromSeconds(1); i++)
        {
            Thread.Sleep(400);
            File.SetLastWriteTimeUtc(_path, Tomorrow.AddSeconds(i)); // the holder ends an epoch
            var attempt = RunLock.TryTake(_path, bound, seen);
            Assert.That(attempt.Taken, Is.Null, $"touched {i} times in {clock.Elapsed.TotalSeconds:0.0} s: its holder progresses");
            seen = attempt.Seen;
        }

        Past(bound);
        using var taken = RunLock.TryTake(_path, bound, seen).Taken;
        Assert.That(taken, Is.Not.Null, "no epoch ended for longer than the bound");
    }

    [Test]
    public void A_fifo_in_place_of_a_lock_is_never_opened_and_is_taken_over_once_unchanged_for_the_bound()
    {
        using (var mkfifo = Process.Start("mkfifo", [_path])) mkfifo.WaitForExit();
        Assume.That(File.Exists(_path), Is.True, "mkfifo made the FIFO");

        // Opening a FIFO blocks until a writer comes: an attempt that returns at all has not opened it.
        var first = RunLock.TryTake(_path, Bound);
        Assert.That(first.HeldBy, Is.EqualTo("an unreadable lock"));
        Past(Bound);
        using var taken = RunLock.TryTake(_path, Bound, first.Seen).Taken;
        Assert.That(taken, Is.Not.Null);
    }

    [Test]
    public void A_stale_lock_that_cannot_be_removed_is_said_and_not_waited_for()
    {
        Directory.CreateDirectory(_path); // a folder in the lock's place: File.Delete cannot remove it
        Directory.SetLastWriteTimeUtc(_path, Tomorrow);
        var first = RunLock.TryTake(_path, Bound);
        Assert.That(first.HeldBy, Is.EqualTo("an unreadable lock"));
        Past(Bound);

        var attempt = RunLock.TryTake(_path, Bound, first.Seen);
        Assert.That(attempt.Taken, Is.Null);
        Assert.That(attempt.HeldBy, Is.Null, "not held: there is nothing to wait for");
        Assert.That(attempt.Stuck, Does.StartWith("the stale lock of an unreadable lock (unreadable, and unchanged for ")
            .And.Contain("cannot be removed: "));
    }

    [Test]
    public void A_lock_in_a_store_that_is_a_file_is_an_error_not_a_lock_held_by_another()
    {
        var file = Path.Combine(_root, "store");
        File.WriteAllText(file, "not a folder");
        Assert.Throws(Is.InstanceOf<IOException>(), () => RunLock.TryTake(Path.Combine(file, "ab", "ab.lock")));
    }

    [Test]
    public void A_lock_on_a_full_disk_is_an_error_and_the_empty_file_it_made_is_removed()
    {
        using var full = FullFileSystem.Mount();
        var path = Path.Combine(full.Directory, "ab", "ab.lock");
        var error = Assert.Throws(Is.InstanceOf<IOException>(), () => RunLock.TryTake(path));
        Assert.That(error!.Message, Does.Contain("No space left on device"));
        Assert.That(File.Exists(path), Is.False, "not left behind as an unreadable lock for others to wait on");
    }

    [Test]
    public void A_store_waits_for_a_live_holder_for_the_bound_then_trains_the_run_saying_whose_lock_it_took()
    {
        var store = new RunStore(_root, Bound);
        var (ours, theirs) = (new StringWriter(), new StringWriter());
        using var held = new StoredRuns(store, Context, ours).Reserve(BaseRun);
        Assert.That(held, Is.Not.Null);
        var lockPath = store.LockPathOf(RunKey.For(BaseRun, Context).Hash);
        File.SetLastWriteTimeUtc(lockPath, Tomorrow); // as a host whose clock runs a day ahead would have touched it

        var waiter = new StoredRuns(store, Context, theirs);
        Assert.That(waiter.Reserve(BaseRun), Is.Null, "held by a live process");
        Assert.That(theirs.ToString(), Does.Contain($"({lockPath}); using its result once stored, or training it here if its lock " +
            "stays unchanged for 1 s"));
        Past(Bound);
        using var taken = waiter.Reserve(BaseRun);

        Assert.That(taken, Is.Not.Null, "the wait ended");
        Assert.That(theirs.ToString(), Does.Contain($"warning: run store: {lockPath}: took over the stale lock of process " +
            $"{Environment.ProcessId} on {Environment.MachineName} (since ").And.Contain($"; training {BaseRun.RunId}"));
    }

    [Test]
    public void A_store_that_cannot_hold_locks_is_one_warning_and_is_only_read_from_then_on()
    {
        var file = Path.Combine(_root, "store");
        File.WriteAllText(file, "not a folder");
        var warnings = new StringWriter();
        var stored = new StoredRuns(new RunStore(file, Bound), Context, warnings);

        using (var reservation = stored.Reserve(BaseRun)) Assert.That(reservation, Is.Not.Null, "trains without a lock, at once");
        using (var second = stored.Reserve(BaseRun with { Seed = 2 })) Assert.That(second, Is.Not.Null);
        stored.Keep(Result());

        Assert.That(warnings.ToString(), Does.StartWith($"warning: run store: cannot write in {file}: no lock can be made there (")
            .And.EndWith("from now on this process only reads it: runs train without its locks (another process sharing it " +
                "may train one too) and are not stored\n"));
        Assert.That(warnings.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1), "said once");
        Assert.That(File.ReadAllText(file), Is.EqualTo("not a folder"));
    }
}

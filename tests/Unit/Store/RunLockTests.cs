using System.Diagnostics;
using System.Globalization;
using Harness.Store;
using static Harness.Tests.Unit.Store.StoreFixtures;

namespace Harness.Tests.Unit.Store;

/// <summary>One training per run across processes: a lock is taken once, waited on while its holder lives, and taken over
/// when its holder is gone (exited, its pid reused, or silent too long), so no crash blocks a store for ever.</summary>
public sealed class RunLockTests
{
    private string _root = null!;
    private string _path = null!;

    [SetUp]
    public void Create()
    {
        _root = TestScratch.Path("harness-lock");
        _path = Path.Combine(_root, "ab", "ab" + new string('0', 62) + ".lock");
    }

    [TearDown] public void Delete() { if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true); }

    private static string Holder(int pid, string host, DateTime processStart) =>
        $$"""{"Pid":{{pid}},"Host":"{{host}}","ProcessStart":"{{
            processStart.ToString("O", CultureInfo.InvariantCulture)}}","Taken":"2026-01-01T00:00:00Z"}""";

    private void WriteLock(string content, TimeSpan? age = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        File.WriteAllText(_path, content);
        if (age is { } a) File.SetLastWriteTimeUtc(_path, DateTime.UtcNow - a);
    }

    private static DateTime OurStart => Process.GetCurrentProcess().StartTime.ToUniversalTime();

    [Test]
    public void Is_taken_once_until_released_and_names_its_holder()
    {
        var first = RunLock.TryTake(_path);
        Assert.That(first.Taken, Is.Not.Null);
        Assert.That(File.ReadAllText(_path), Does.Contain($"\"Pid\":{Environment.ProcessId}").And.Contain(Environment.MachineName));

        var second = RunLock.TryTake(_path);
        Assert.That(second.Taken, Is.Null, "its holder is alive");
        Assert.That(second.HeldBy, Does.StartWith($"process {Environment.ProcessId} on {Environment.MachineName} (since "));

        first.Taken!.Dispose();
        Assert.That(File.Exists(_path), Is.False, "released");
        using var third = RunLock.TryTake(_path).Taken;
        Assert.That(third, Is.Not.Null);
    }

    [Test]
    public void A_lock_whose_process_exited_is_taken_over()
    {
        int pid;
        using (var exited = Process.Start("true")) { exited.WaitForExit(); pid = exited.Id; }
        WriteLock(Holder(pid, Environment.MachineName, DateTime.UtcNow));
        var attempt = RunLock.TryTake(_path);
        using var taken = attempt.Taken;
        Assert.That(taken, Is.Not.Null);
        Assert.That(attempt.TookOverFrom, Does.EndWith($"(process {pid} has exited)"));
    }

    [Test]
    public void A_lock_whose_pid_is_another_process_now_is_taken_over()
    {
        WriteLock(Holder(Environment.ProcessId, Environment.MachineName, OurStart.AddHours(-1)));
        var attempt = RunLock.TryTake(_path);
        using var taken = attempt.Taken;
        Assert.That(attempt.TookOverFrom, Does.EndWith($"(pid {Environment.ProcessId} is now another process)"));
    }

    [Test]
    public void A_lock_from_another_host_is_waited_on_until_it_goes_untouched_too_long()
    {
        WriteLock(Holder(1, "elsewhere", DateTime.UtcNow), age: TimeSpan.FromMinutes(1));
        Assert.That(RunLock.TryTake(_path).HeldBy, Does.StartWith("process 1 on elsewhere"),
            "its pid means nothing here: only its age tells");

        File.SetLastWriteTimeUtc(_path, DateTime.UtcNow - RunLock.DefaultStaleAfter - TimeSpan.FromMinutes(1));
        var attempt = RunLock.TryTake(_path);
        using var taken = attempt.Taken;
        Assert.That(attempt.TookOverFrom, Does.EndWith("(untouched for 16 min)"));
    }

    [Test]
    public void Touching_is_progress_and_an_unreadable_lock_waits_a_minute()
    {
        using (var held = RunLock.TryTake(_path).Taken!)
        {
            File.SetLastWriteTimeUtc(_path, DateTime.UtcNow - TimeSpan.FromHours(1));
            held.Touch();
            Assert.That(File.GetLastWriteTimeUtc(_path), Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));
        }

        WriteLock("");
        Assert.That(RunLock.TryTake(_path).HeldBy, Is.EqualTo("an unreadable lock"), "its writer may be about to write it");
        File.SetLastWriteTimeUtc(_path, DateTime.UtcNow - TimeSpan.FromMinutes(2));
        using var taken = RunLock.TryTake(_path).Taken;
        Assert.That(taken, Is.Not.Null);
    }

    [Test]
    public void A_store_reserves_a_run_for_one_of_the_processes_sharing_it_and_the_others_are_told_once()
    {
        var store = new RunStore(_root);
        var (ours, theirs) = (new StringWriter(), new StringWriter());
        using (var reservation = new StoredRuns(store, Context, ours).Reserve(BaseRun))
        {
            Assert.That(reservation, Is.Not.Null);
            var other = new StoredRuns(store, Context, theirs);
            Assert.That(other.Reserve(BaseRun), Is.Null);
            Assert.That(other.Reserve(BaseRun), Is.Null);
            Assert.That(theirs.ToString(),
                Is.EqualTo($"run store: {BaseRun.RunId} is being trained by process {Environment.ProcessId} on " +
                $"{Environment.MachineName} (since " +
                $"{File.ReadAllText(store.LockPathOf(RunKey.For(BaseRun, Context).Hash)).Split("\"Taken\":\"")[1].Split('"')[0]}) " +
                $"({store.LockPathOf(RunKey.For(BaseRun, Context).Hash)}); using its result once stored, or training it here if its lock " +
                "stays unchanged for 15 min\n"));
        }
        using var after = new StoredRuns(store, Context, theirs).Reserve(BaseRun);
        Assert.That(after, Is.Not.Null, "released");
        Assert.That(ours.ToString(), Is.Empty);
    }
}

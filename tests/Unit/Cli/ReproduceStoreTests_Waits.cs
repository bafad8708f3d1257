using System.Diagnostics;
using System.Globalization;
using Harness.Store;

namespace Harness.Tests.Unit.Cli;

/// <summary>
/// Every wait on the run store ends, end to end: a forged lock of a live process dated in the future, and the lock of a live
/// process that never trains, each hold a run for the bound and no longer (HARNESS_LOCK_STALE_SECONDS, a second here); a
/// store that is a file is refused before anything trains; a store on a full disk is a warning, and the runs train. Each
/// reproduction is killed and failed if it has not ended within <see cref="Limit"/>, so none can hang the test run.
/// </summary>
public sealed partial class ReproduceStoreTests
{
    /// <summary>Against hanging, not a measure of speed: the tiny reproduction takes seconds.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    private static readonly Dictionary<string, string?> OneSecondLocks = new() { [StoreLocation.LockStaleVariable] = "1" };
    private static readonly Dictionary<string, string?> NoVariables = new();

    /// <summary>A stored run made to look as if a process were training it: its entry removed and a lock naming the process.</summary>
    private (string Lock, string RunId) ForgeLock(Process holder, DateTime touched)
    {
        var entry = _store.EntryPaths()[4];
        var runId = StoreEntryJson.Parse(File.ReadAllText(entry)).RunId;
        File.Delete(entry);
        var path = Path.ChangeExtension(entry, ".lock");
        // Its true start time, as the harness reads it: the lock names that very process, alive on this host.
        var started = holder.StartTime.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        File.WriteAllText(path, $$"""{"Pid":{{holder.Id}},"Host":"{{Environment.MachineName}}","ProcessStart":"{{started}}",""" +
                                """ "Taken":"2026-01-01T00:00:00Z"}""");
        File.SetLastWriteTimeUtc(path, touched);
        return (path, runId);
    }

    private void AssertTrainedPastTheLock((int ExitCode, string Output) reproduced, string path, string runId, int pid)
    {
        var (exitCode, output) = reproduced;
        Assert.That(output, Does.Contain($"warning: run store: {path}: took over the stale lock of process {pid} on " +
            $"{Environment.MachineName} (since 2026-01-01T00:00:00Z) (").And.Contain($"; training {runId}"));
        Assert.That(exitCode, Is.EqualTo(0), "the run trained here matches its baseline: " + output);
        Assert.That(Counts(output), Is.EqualTo((Runs - 1, 1)), output);
        Assert.That(File.Exists(path), Is.False, "the lock taken over was released");
        Assert.That(_store.EntryPaths(), Has.Count.EqualTo(Runs), "the run was stored");
    }

    [Test]
    public void A_forged_lock_of_a_live_process_dated_in_the_future_holds_its_run_for_the_bound_then_the_run_trains_here()
    {
        Assert.That(_experiment.Reproduce(accept: "1").ExitCode, Is.EqualTo(0), "baselines and a full store");
        using var init = Process.GetProcessById(1); // alive as long as the machine is
        var (path, runId) = ForgeLock(init, DateTime.UtcNow.AddDays(1));

        var reproduced = _experiment.ReproduceWithin(Limit, OneSecondLocks);

        AssertTrainedPastTheLock(reproduced, path, runId, pid: 1);
        Assert.That(reproduced.Output, Does.Contain($"run store: {runId} is being trained by process 1 on {Environment.MachineName}")
            .And.Contain("while this process waited: no epoch ended in that time)"),
            "waited on, then judged by the waiter's own clock: the lock's time says it was touched tomorrow");
    }

    [Test]
    public void The_lock_of_a_live_process_that_never_trains_holds_its_run_for_the_bound_then_the_run_trains_here()
    {
        Assert.That(_experiment.Reproduce(accept: "1").ExitCode, Is.EqualTo(0), "baselines and a full store");
        using var sleeper = Process.Start("sleep", "600");
        try
        {
            var (path, runId) = ForgeLock(sleeper, DateTime.UtcNow);
            var reproduced = _experiment.ReproduceWithin(Limit, OneSecondLocks);
            AssertTrainedPastTheLock(reproduced, path, runId, sleeper.Id);
            // Waited on or not, depending on how long the reproduction took to start: its lock was untouched all along.
            Assert.That(reproduced.Output, Does.Match(@"\((untouched|unchanged) for \d+(\.\d)? s"));
            Assert.That(sleeper.HasExited, Is.False, "its holder was alive throughout");
        }
        finally
        {
            sleeper.Kill();
        }
    }

    [TestCase("--store", TestName = "A --store that is a file is refused before anything trains")]
    [TestCase(StoreLocation.Variable, TestName = "A HARNESS_STORE that is a file is refused before anything trains")]
    public void A_store_that_is_a_file_is_refused_before_anything_trains(string source)
    {
        var file = Path.Combine(_experiment.DataDirectory, "store-file");
        File.WriteAllText(file, "not a folder");
        _experiment.Store = source == StoreLocation.Variable ? file : null;

        var (exitCode, output) = _experiment.ReproduceWithin(Limit, NoVariables, source == "--store" ? ["--store", file] : []);

        Assert.That(exitCode, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain($"error: {source} {file}: expected a folder for the run store (or a path where one can be " +
            "made), found a file; nothing was trained."));
        Assert.That(output, Does.Not.Contain("val_loss"), "nothing trained");
        Assert.That(File.ReadAllText(file), Is.EqualTo("not a folder"));
    }

    [Test]
    public void A_store_on_a_full_disk_is_one_warning_and_the_runs_train_without_it()
    {
        Assert.That(_experiment.Reproduce(accept: "1", options: ["--no-store"]).ExitCode, Is.EqualTo(0), "baselines");
        using var full = FullFileSystem.Mount();
        _experiment.Store = Path.Combine(full.Directory, "store");

        var (exitCode, output) = _experiment.ReproduceWithin(Limit, NoVariables);

        Assert.That(output, Does.Contain($"warning: run store: cannot write in {_experiment.Store}: ")
            .And.Contain("No space left on device"));
        Assert.That(output.Split('\n').Count(l => l.StartsWith("warning: run store:", StringComparison.Ordinal)), Is.EqualTo(1),
            "said once: " + output);
        Assert.That(exitCode, Is.EqualTo(0), output);
        Assert.That(Counts(output), Is.EqualTo((0, Runs)), output);
        Assert.That(Directory.EnumerateFiles(_experiment.Store, "*", SearchOption.AllDirectories), Is.Empty,
            "no lock left behind, nor a half-written entry");
    }
}

using Harness.Cli;
using Harness.Report;

namespace Harness.Tests.Unit.Cli;

/// <summary>
/// What <c>reproduce --out</c> may touch, and what a diverged run does to a reproduction. The refusals are made before
/// anything loads or trains, so they run in-process; the rest run the real program on the tiny experiment.
/// </summary>
public sealed class ReproduceOutTests
{
    private TinyExperiment _experiment = null!;
    private string Name => _experiment.Name;

    [SetUp] public void CreateExperiment() => _experiment = new TinyExperiment();
    [TearDown] public void Delete() => _experiment.Dispose();

    /// <summary>The tiny experiment's reproduce line with another <c>--out</c>, run in this process.</summary>
    private (int ExitCode, string Output, string Error) ReproduceInProcess(string outRoot)
    {
        var args = _experiment.Arguments().ToList();
        args[args.IndexOf("--out") + 1] = outRoot;
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CommandLine.Execute(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Test]
    public void User_files_under_out_survive_and_report_files_no_longer_written_are_deleted()
    {
        var report = Path.Combine(_experiment.Out, Name);
        var runs = Path.Combine(report, RunFiles.Folder);
        var figures = Path.Combine(report, Figures.Folder);
        // Before any manifest exists (a folder a user made, or a report of an older version): nothing in it is deleted.
        Directory.CreateDirectory(runs);
        File.WriteAllText(Path.Combine(runs, "before.json"), "mine");

        var first = _experiment.Reproduce();
        Assert.That(first.ExitCode, Is.EqualTo(1), "no baselines: " + first.Output);
        Assert.That(Directory.GetFiles(runs, "*_seed-4.json"), Has.Length.EqualTo(4), first.Output);
        string[] mine = [Path.Combine(runs, "before.json"), Path.Combine(runs, "notes.txt"), Path.Combine(figures, "mine.png"),
            Path.Combine(report, "notes.md"), Path.Combine(_experiment.Out, "beside.txt")];
        foreach (var file in mine) File.WriteAllText(file, "mine");

        // Two seeds instead of four: the runs of seeds 3 and 4 are the program's stale files.
        var second = _experiment.Reproduce(options: ["--seeds", "2"]);

        Assert.That(second.ExitCode, Is.EqualTo(1), second.Output);
        foreach (var file in mine) Assert.That(File.ReadAllText(file), Is.EqualTo("mine"), file);
        Assert.That(Directory.GetFiles(runs, "*_seed-3.json").Concat(Directory.GetFiles(runs, "*_seed-4.json")),
            Is.Empty, "stale runs deleted");
        Assert.That(Directory.GetFiles(runs, "*_seed-2.json"), Has.Length.EqualTo(4));
        Assert.That(File.Exists(Path.Combine(figures, "curves.png")), Is.True);
        Assert.That(File.ReadAllText(Path.Combine(report, ReportDirectory.ManifestFile)),
            Does.Contain("runs/layers-1_dropout-0_n-40_nval-20_epochs-3_batch-8_width-8_seed-1.json")
            .And.Not.Contain("seed-3").And.Not.Contain("notes"));
        Assert.That(Directory.GetFileSystemEntries(_experiment.Out, "*.tmp"), Is.Empty, "no staging folder or probe left behind");
    }

    // The tiny experiment's scratch folder holds the experiment folder (named as the experiment) and baselines/<name>.
    [TestCase("the experiment folder", "is inside the experiment's folder")]
    [TestCase("its parent, so OUT-name is the experiment folder", "is the experiment's folder")]
    [TestCase("inside the baselines", "is inside the experiment's baselines folder")]
    [TestCase("the baselines' parent", "is the experiment's baselines folder")]
    public void An_out_over_the_experiments_own_files_is_refused_before_anything_trains(string outRoot, string collision)
    {
        var claims = Path.Combine(_experiment.ExperimentDirectory, ClaimsJson.FileName);
        var before = File.ReadAllText(claims);
        var path = outRoot switch
        {
            "the experiment folder" => _experiment.ExperimentDirectory,
            "its parent, so OUT-name is the experiment folder" => _experiment.DataDirectory,
            "inside the baselines" => Path.Combine(_experiment.Baselines, Name, "reports"),
            _ => _experiment.Baselines,
        };

        var (exitCode, output, error) = ReproduceInProcess(path);

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Usage), output + error);
        Assert.That(error,
            Does.StartWith($"error: --out {path}: the report would be written to {Path.Combine(OutDirectoryCheck.Canonical(path), Name)}")
            .And.Contain(collision), error);
        Assert.That(output, Does.Not.Contain("Reproducing"), "nothing trained");
        Assert.That(File.ReadAllText(claims), Is.EqualTo(before));
        Assert.That(Directory.Exists(Path.Combine(path, Name, RunFiles.Folder)), Is.False);
    }

    [Test]
    public void An_out_reached_through_a_symbolic_link_is_compared_where_it_leads()
    {
        // OUT/<name> is a link to the folder that holds the experiment: the report would land above its files.
        var outRoot = Path.Combine(_experiment.DataDirectory, "links");
        var link = Path.Combine(outRoot, Name);
        Directory.CreateDirectory(outRoot);
        Directory.CreateSymbolicLink(link, _experiment.DataDirectory);
        try
        {
            var (exitCode, _, error) = ReproduceInProcess(outRoot);

            Assert.That(exitCode, Is.EqualTo(ExitCodes.Usage), error);
            Assert.That(error,
                Does.Contain($"--out {outRoot}: the report would be written to {OutDirectoryCheck.Canonical(_experiment.DataDirectory)}, " +
                                            "which contains the experiment's folder " +
                                            $"{OutDirectoryCheck.Canonical(_experiment.ExperimentDirectory)}"));
        }
        finally
        {
            File.Delete(link); // the link, never what it leads to
        }
    }

    [Test]
    public void An_out_beneath_a_regular_file_is_refused_before_anything_trains()
    {
        var file = Path.Combine(_experiment.DataDirectory, "a-file");
        File.WriteAllText(file, "");
        var outRoot = Path.Combine(file, "out");

        var (exitCode, output, error) = ReproduceInProcess(outRoot);

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Usage), output + error);
        Assert.That(error, Does.StartWith($"error: --out {outRoot}: cannot write under {outRoot}, so nothing was trained: "));
        Assert.That(output, Does.Not.Contain("Reproducing"));
    }

    [Test]
    public void An_out_without_write_permission_is_refused_before_anything_trains()
    {
        if (OperatingSystem.IsWindows())
        {
            NotRun.Because("chmod 0555 has no Windows equivalent here", "run on Linux, the one platform the harness supports");
            return; // for the platform analyzer, which does not read [DoesNotReturn]
        }
        var outRoot = Path.Combine(_experiment.DataDirectory, "read-only");
        Directory.CreateDirectory(outRoot);
        File.SetUnixFileMode(outRoot, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
                                      | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        try
        {
            // Root writes through permission bits; sysfs refuses new files to every user, root included.
            if (Writable(outRoot)) outRoot = "/sys";
            if (Writable(outRoot))
                NotRun.Because("there is no folder here that this user cannot write (not even /sys)",
                    "run on Linux with sysfs mounted at /sys");
            var (exitCode, output, error) = ReproduceInProcess(outRoot);

            Assert.That(exitCode, Is.EqualTo(ExitCodes.Usage), output + error);
            Assert.That(error, Does.StartWith($"error: --out {outRoot}: cannot write under {outRoot}, so nothing was trained: "));
        }
        finally
        {
            File.SetUnixFileMode(Path.Combine(_experiment.DataDirectory, "read-only"),
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Test]
    public void Folders_left_by_killed_processes_are_removed_at_the_start_and_no_other()
    {
        var (dead, self) = (AbandonedFolder.ExitedPid(), Environment.ProcessId);
        var temp = Directory.CreateDirectory(Path.Combine(_experiment.DataDirectory, "tmp")).FullName;
        var killedBuild = AbandonedFolder.Plant(Path.Combine(temp, $"harness-native-{dead}-AbC123"), dead);
        var liveBuild = AbandonedFolder.Live(Path.Combine(temp, $"harness-native-{self}-XyZ789"));
        var unmarked = Directory.CreateDirectory(Path.Combine(temp, $"harness-native-{dead}-Qwe456")).FullName;
        var lookAlike = AbandonedFolder.Plant(Path.Combine(temp, $"harness-build-{dead}-AbC123"), dead);
        var killedStaging = AbandonedFolder.Plant(Path.Combine(_experiment.Out, $".{Name}.{dead}.{Guid.NewGuid():N}.tmp"), dead);
        var liveStaging = AbandonedFolder.Live(Path.Combine(_experiment.Out, $".{Name}.{self}.{Guid.NewGuid():N}.tmp"));

        // The temp folder the child sees is this test's: Path.GetTempPath reads TMPDIR.
        var (exitCode, output) = HarnessProcess.Run(new Dictionary<string, string?> { ["TMPDIR"] = temp, ["CI"] = null },
            _experiment.Arguments("--seeds", "1"));

        Assert.That(exitCode, Is.EqualTo(1), "no baselines: " + output);
        foreach (var killed in new[] { killedBuild, killedStaging })
        {
            Assert.That(output,
                Does.Contain($"Removed {killed}, left behind by a harness process that is gone (process {dead} has exited)."));
            Assert.That(Directory.Exists(killed), Is.False, killed);
        }
        foreach (var kept in new[] { liveBuild, unmarked, lookAlike, liveStaging }) Assert.That(Directory.Exists(kept), Is.True, kept);
        Assert.That(Directory.GetDirectories(_experiment.Out, ".*"), Is.EqualTo(new[] { liveStaging }),
            "the run's own staging folder is gone too");
    }

    [Test]
    public void A_diverged_run_fails_the_reproduction_and_the_report_names_it()
    {
        // One learning rate the tiny network trains with and one no loss survives: half the runs diverge, half finish.
        var (exitCode, output) =
            _experiment.Reproduce(options: ["--seeds", "1", "--set", "run:semantics=pytorch", "--set", "run:optimizer=sgd",
            "--set", "grids:0:axes:learningRate:0=0.01", "--set", "grids:0:axes:learningRate:1=1e30"]);

        // 0.01 is SGD's default learning rate, which run ids leave out.
        static string Id(int layers, string dropout, string lr) =>
            $"layers-{layers}_dropout-{dropout}_n-40_nval-20_epochs-3_batch-8_width-8_optimizer-sgd{lr}_semantics-pytorch";
        var diverged = Id(1, "0", "_lr-1e+30");
        Assert.That(exitCode, Is.EqualTo(ExitCodes.Failed), output);
        var report = File.ReadAllText(Path.Combine(_experiment.Out, Name, MarkdownReport.FileName));
        Assert.That(report, Does.Contain("and 4 that diverged")
            .And.Contain("- __4 run(s) diverged__: trained until the loss became non-finite")
            .And.Contain($"  - Run {diverged}_seed-1 diverged: loss is NaN at epoch 1, batch ")
            .And.Contain($"- `{diverged}_seed-1`: __Diverged__. Run {diverged}_seed-1 diverged: loss is NaN at epoch 1")
            .And.Contain($"| {diverged} | __Diverged__ |")
            .And.Contain($"__not evaluated: run {diverged}_seed-1 diverged (loss is NaN at epoch 1, batch "), report);
        Assert.That(Directory.GetFiles(Path.Combine(_experiment.Out, Name, RunFiles.Folder)).Select(Path.GetFileName),
            Is.EquivalentTo(new[] { Id(1, "0", ""), Id(1, "0.2", ""), Id(2, "0", ""), Id(2, "0.2", "") }.Select(id => $"{id}_seed-1.json")),
            "the runs that finished are written");
        Assert.That(output, Does.Contain("✗ Not evaluated — deeper overfits (registered Inconclusive: A RUN IT NEEDS DIVERGED)")
            .And.Contain($"  - Run {diverged}_seed-1 diverged: loss is NaN"));
    }

    private static bool Writable(string folder)
    {
        var probe = Path.Combine(folder, $"probe-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }
}

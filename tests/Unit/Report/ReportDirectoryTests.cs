using Harness.IO;
using Harness.Report;

namespace Harness.Tests.Unit.Report;

/// <summary>Publishing a report set: staged, moved in, and only the program's own stale files deleted.</summary>
public sealed class ReportDirectoryTests
{
    private string _root = null!;
    private ReportDirectory _report = null!;

    [SetUp]
    public void Create()
    {
        _root = TestScratch.Path("harness-report-directory");
        _report = new ReportDirectory(_root, "experiment");
    }

    [TearDown]
    public void Delete()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static Func<string, int> Writes(params string[] files) => staging =>
    {
        foreach (var file in files)
        {
            var path = Path.Combine(staging, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file);
        }
        return files.Length;
    };

    [Test]
    public void A_second_set_replaces_the_first_and_deletes_only_its_stale_files()
    {
        _report.Publish(Writes("report.md", "runs/a.json", "runs/b.json", "old/only.txt"));
        var user = new[] { Path.Combine(_report.Path, "runs", "mine.json"), Path.Combine(_report.Path, "notes.md") };
        foreach (var file in user) File.WriteAllText(file, "mine");

        var (_, files) = _report.Publish(Writes("report.md", "runs/a.json"));

        Assert.That(files, Is.EqualTo(new[] { "report.md", "runs/a.json" }));
        Assert.That(File.Exists(Path.Combine(_report.Path, "runs", "b.json")), Is.False);
        Assert.That(Directory.Exists(Path.Combine(_report.Path, "old")), Is.False, "a folder left empty by stale files goes");
        foreach (var file in user) Assert.That(File.ReadAllText(file), Is.EqualTo("mine"));
        Assert.That(Directory.GetFileSystemEntries(_root), Is.EqualTo(new[] { _report.Path }), "no staging folder left");
    }

    [Test]
    public void A_write_that_fails_leaves_the_previous_set_whole()
    {
        _report.Publish(Writes("report.md", "figures/curves.png"));

        Assert.Throws<IOException>(() => _report.Publish<int>(staging =>
        {
            Writes("report.md", "figures/curves.png")(staging);
            throw new IOException("No space left on device");
        }));

        Assert.That(File.ReadAllText(Path.Combine(_report.Path, "figures", "curves.png")), Is.EqualTo("figures/curves.png"));
        Assert.That(Directory.GetFileSystemEntries(_root), Is.EqualTo(new[] { _report.Path }), "the staged set is discarded");
    }

    [Test]
    public void An_edited_manifest_cannot_aim_a_deletion_outside_the_report()
    {
        _report.Publish(Writes("report.md"));
        var outside = Path.Combine(_root, "precious.txt");
        File.WriteAllText(outside, "keep");
        File.WriteAllText(Path.Combine(_report.Path, ReportDirectory.ManifestFile),
            """{ "files": [ "../precious.txt", "/etc/hostname", "report.md" ] }""");

        _report.Publish(Writes("histories.csv"));

        Assert.That(File.ReadAllText(outside), Is.EqualTo("keep"));
        Assert.That(File.Exists(Path.Combine(_report.Path, "report.md")), Is.False, "the listed file of its own is stale and goes");
    }

    [Test]
    public void The_staging_folder_names_its_owner_who_is_never_published()
    {
        var (owned, files) = _report.Publish(staging =>
        {
            Writes("report.md")(staging);
            return File.ReadAllText(Path.Combine(staging, OwnedFolder.OwnerFile));
        });

        Assert.That(owned, Does.Contain($"\"Pid\":{Environment.ProcessId}"));
        Assert.That(files, Is.EqualTo(new[] { "report.md" }));
        Assert.That(File.Exists(Path.Combine(_report.Path, OwnedFolder.OwnerFile)), Is.False);
    }

    [Test]
    public void Staging_folders_left_by_processes_gone_are_removed_and_no_other()
    {
        var dead = AbandonedFolder.ExitedPid();
        string Staging(string experiment, int pid) => Path.Combine(_root, $".{experiment}.{pid}.{Guid.NewGuid():N}.tmp");
        var killed = AbandonedFolder.Plant(Staging("experiment", dead), dead);
        var other = AbandonedFolder.Plant(Staging("other-experiment", dead), dead);
        var live = AbandonedFolder.Live(Staging("experiment", Environment.ProcessId));
        var userFolder = AbandonedFolder.Plant(Path.Combine(_root, $".experiment.{dead}.notes.tmp"), dead);

        var removed = ReportDirectory.RemoveAbandoned(_root);

        Assert.That(removed.Select(r => r.Folder), Is.EquivalentTo(new[] { killed, other }));
        Assert.That(Directory.Exists(live), Is.True, "this process's own");
        Assert.That(Directory.Exists(userFolder), Is.True, "not a name the harness makes");
    }
}

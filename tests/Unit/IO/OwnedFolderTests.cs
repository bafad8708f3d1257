using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Harness.IO;
using static Harness.Tests.AbandonedFolder;

namespace Harness.Tests.Unit.IO;

/// <summary>
/// Folders left behind by killed processes: planted as such a process leaves them (its pid in the name, its owner file
/// inside), beside a live process's, look-alikes and folders that must never be touched. Only those proved a harness
/// process's, of this user, on this host, whose process is gone, are removed.
/// </summary>
public sealed partial class OwnedFolderTests
{
    private string _parent = null!;

    [GeneratedRegex("^work-(?<pid>[0-9]+)-[a-z]+$")]
    private static partial Regex Name();

    [SetUp] public void Create() => Directory.CreateDirectory(_parent = TestScratch.Path("harness-owned"));

    [TearDown] public void Delete() => Directory.Delete(_parent, recursive: true);

    private string In(string name) => Path.Combine(_parent, name);

    private IReadOnlyList<(string Folder, string Why)> Remove() => OwnedFolder.RemoveAbandoned(_parent, Name());

    [Test]
    public void Removes_the_folders_of_processes_gone_and_keeps_a_live_ones_and_look_alikes()
    {
        var (dead, self) = (ExitedPid(), Environment.ProcessId);
        var exited = Plant(In($"work-{dead}-abc"), dead);
        var reused = Plant(In($"work-{self}-def"), self, start: DateTime.UtcNow.AddHours(-1));
        var live = Live(In($"work-{self}-ghi"));
        var otherPattern = Plant(In($"other-{dead}-abc"), dead);

        var removed = Remove();

        Assert.That(removed, Is.EquivalentTo(new[]
        {
            (exited, $"process {dead} has exited"), (reused, $"pid {self} is now another process"),
        }));
        Assert.That(Directory.Exists(exited) || Directory.Exists(reused), Is.False);
        Assert.That(Directory.Exists(live), Is.True, "this process is alive");
        Assert.That(Directory.Exists(otherPattern), Is.True, "not a name this pattern makes");
        var ourStart = Process.GetCurrentProcess().StartTime.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        Assert.That(File.ReadAllText(Path.Combine(live, OwnedFolder.OwnerFile)),
            Is.EqualTo($$"""{"Pid":{{self}},"Host":"{{Environment.MachineName}}","ProcessStart":"{{ourStart}}"}""" + "\n"));
    }

    [Test]
    public void Keeps_what_it_cannot_prove_abandoned()
    {
        var dead = ExitedPid();
        var noOwner = In($"work-{dead}-abc");
        Directory.CreateDirectory(noOwner); // killed between making the folder and writing its owner file
        var otherHost = Plant(In($"work-{dead}-def"), dead, host: "elsewhere");
        var otherPid = Plant(In($"work-{dead}-ghi"), dead + 1);
        var unreadable = Plant(In($"work-{dead}-jkl"), dead);
        File.WriteAllText(Path.Combine(unreadable, OwnedFolder.OwnerFile), "{ not json");

        Assert.That(Remove(), Is.Empty);
        Assert.That(new[] { noOwner, otherHost, otherPid, unreadable }.Select(Directory.Exists), Has.All.True);
    }

    [Test]
    public void Never_follows_a_link_to_a_folder_or_to_an_owner_file_or_out_of_the_folder_it_removes()
    {
        var dead = ExitedPid();
        var target = Plant(In("target"), dead);
        var linked = In($"work-{dead}-abc");
        Directory.CreateSymbolicLink(linked, target);
        var borrowed = In($"work-{dead}-def");
        Directory.CreateDirectory(borrowed);
        File.CreateSymbolicLink(Path.Combine(borrowed, OwnedFolder.OwnerFile), Path.Combine(target, OwnedFolder.OwnerFile));
        var abandoned = Plant(In($"work-{dead}-ghi"), dead);
        Directory.CreateSymbolicLink(Path.Combine(abandoned, "elsewhere"), target);

        Assert.That(Remove().Select(r => r.Folder), Is.EqualTo(new[] { abandoned }));
        Assert.That(File.Exists(Path.Combine(target, "obj", "shim.so")), Is.True,
            "removing the folder deleted the link in it, not its target");
        Assert.That(new DirectoryInfo(linked).LinkTarget, Is.EqualTo(target), "a link named as a leftover stays");
        Assert.That(Directory.Exists(borrowed), Is.True, "an owner file that is a link proves nothing");
    }

    [Test]
    public void Never_removes_another_users_folder()
    {
        var dead = ExitedPid();
        var theirs = Plant(In($"work-{dead}-abc"), dead);
        // Root gives it away itself; another user through sudo without a password, as GitHub's runners allow.
        string[] chown = FileOwner.CurrentUser == 0 ? ["chown", "-R", "65534:65534", theirs]
            : ["sudo", "-n", "chown", "-R", "65534:65534", theirs];
        using (var process = Process.Start(new ProcessStartInfo(chown[0], chown[1..]) { RedirectStandardError = true })!)
        {
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                NotRun.Because($"{string.Join(' ', chown)} failed ({error.Trim()}), so no folder of another user can be made",
                    "run as root, or as a user with sudo without a password");
        }
        try
        {
            Assert.That(FileOwner.Of(theirs)?.Uid, Is.EqualTo(65534u));

            Assert.That(Remove(), Is.Empty);
            Assert.That(Directory.Exists(theirs), Is.True);
        }
        finally
        {
            // Given back, so the teardown can delete it when the test does not run as root.
            if (FileOwner.CurrentUser != 0)
                using (var back = Process.Start("sudo", ["-n", "chown", "-R", $"{FileOwner.CurrentUser}", theirs])!) back.WaitForExit();
        }
    }
}

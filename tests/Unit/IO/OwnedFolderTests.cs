using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Harness.IO;

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

    /// <summary>The pid of a process that has exited: a real child, waited for.</summary>
    private static int ExitedPid()
    {
        using var exited = Process.Start("true")!;
        exited.WaitForExit();
        return exited.Id;
    }

    private static string Start(DateTime start) => start.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static string OurStart => Start(Process.GetCurrentProcess().StartTime);

    /// <summary>A folder as a process leaves it: a file of its work, and the owner file naming it.</summary>
    private string Plant(string name, int pid, string start, string? host = null)
    {
        var folder = Path.Combine(_parent, name);
        Directory.CreateDirectory(Path.Combine(folder, "obj"));
        File.WriteAllText(Path.Combine(folder, "obj", "shim.so"), "half a library");
        File.WriteAllText(Path.Combine(folder, OwnedFolder.OwnerFile),
            $$"""{"Pid":{{pid}},"Host":"{{host ?? Environment.MachineName}}","ProcessStart":"{{start}}"}""");
        return folder;
    }

    private IReadOnlyList<(string Folder, string Why)> Remove() => OwnedFolder.RemoveAbandoned(_parent, Name());

    [Test]
    public void Removes_the_folders_of_processes_gone_and_keeps_a_live_ones_and_look_alikes()
    {
        var dead = ExitedPid();
        var exited = Plant($"work-{dead}-abc", dead, Start(DateTime.UtcNow));
        var reused = Plant($"work-{Environment.ProcessId}-def", Environment.ProcessId, Start(DateTime.UtcNow.AddHours(-1)));
        var live = Path.Combine(_parent, $"work-{Environment.ProcessId}-ghi");
        Directory.CreateDirectory(live);
        OwnedFolder.Claim(live);
        var otherPattern = Plant($"other-{dead}-abc", dead, Start(DateTime.UtcNow));

        var removed = Remove();

        Assert.That(removed, Is.EquivalentTo(new[]
        {
            (exited, $"process {dead} has exited"), (reused, $"pid {Environment.ProcessId} is now another process"),
        }));
        Assert.That(Directory.Exists(exited) || Directory.Exists(reused), Is.False);
        Assert.That(Directory.Exists(live), Is.True, "this process is alive");
        Assert.That(Directory.Exists(otherPattern), Is.True, "not a name this pattern makes");
        Assert.That(File.ReadAllText(Path.Combine(live, OwnedFolder.OwnerFile)), Does.Contain($"\"Pid\":{Environment.ProcessId}")
            .And.Contain(Environment.MachineName).And.Contain(OurStart[..19]));
    }

    [Test]
    public void Keeps_what_it_cannot_prove_abandoned()
    {
        var dead = ExitedPid();
        var noOwner = Path.Combine(_parent, $"work-{dead}-abc");
        Directory.CreateDirectory(noOwner); // killed between making the folder and writing its owner file
        var otherHost = Plant($"work-{dead}-def", dead, Start(DateTime.UtcNow), host: "elsewhere");
        var otherPid = Plant($"work-{dead}-ghi", dead + 1, Start(DateTime.UtcNow));
        var unreadable = Plant($"work-{dead}-jkl", dead, Start(DateTime.UtcNow));
        File.WriteAllText(Path.Combine(unreadable, OwnedFolder.OwnerFile), "{ not json");

        Assert.That(Remove(), Is.Empty);
        Assert.That(new[] { noOwner, otherHost, otherPid, unreadable }.Select(Directory.Exists), Has.All.True);
    }

    [Test]
    public void Never_follows_a_link_to_a_folder_or_to_an_owner_file_or_out_of_the_folder_it_removes()
    {
        var dead = ExitedPid();
        var target = Plant("target", dead, Start(DateTime.UtcNow));
        var linked = Path.Combine(_parent, $"work-{dead}-abc");
        Directory.CreateSymbolicLink(linked, target);
        var borrowed = Path.Combine(_parent, $"work-{dead}-def");
        Directory.CreateDirectory(borrowed);
        File.CreateSymbolicLink(Path.Combine(borrowed, OwnedFolder.OwnerFile), Path.Combine(target, OwnedFolder.OwnerFile));
        var abandoned = Plant($"work-{dead}-ghi", dead, Start(DateTime.UtcNow));
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
        if (FileOwner.CurrentUser != 0) Assert.Inconclusive("only root can make a folder that belongs to another user");
        var dead = ExitedPid();
        var theirs = Plant($"work-{dead}-abc", dead, Start(DateTime.UtcNow));
        using (var chown = Process.Start("chown", ["-R", "65534:65534", theirs])!) chown.WaitForExit();
        Assert.That(FileOwner.Of(theirs)?.Uid, Is.EqualTo(65534u));

        Assert.That(Remove(), Is.Empty);
        Assert.That(Directory.Exists(theirs), Is.True);
    }
}

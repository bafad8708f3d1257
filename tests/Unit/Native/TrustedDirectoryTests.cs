using System.Runtime.Versioning;
using Harness.Native;

namespace Harness.Tests.Unit.Native;

[SupportedOSPlatform("linux")]
public sealed class TrustedDirectoryTests
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Readable =
        Private | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
    private const UnixFileMode GroupWritable = Readable | UnixFileMode.GroupWrite;
    private const UnixFileMode WorldWritable = Readable | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    private PrivateTempDirectory _temp = null!;

    [SetUp] public void Create() => _temp = new PrivateTempDirectory();
    [TearDown] public void Delete() => _temp.Dispose();

    [Test]
    public void Trusts_a_directory_of_this_user_that_only_it_can_write()
    {
        Assert.That(TrustedDirectory.Problem(_temp.Sub("private", Private)), Is.Null);
        Assert.That(TrustedDirectory.Problem(_temp.Sub("readable", Readable)), Is.Null);
    }

    [Test]
    public void Trusts_a_directory_under_the_sticky_temp_directory() =>
        Assert.That(TrustedDirectory.Problem(_temp.Path), Is.Null, $"{Path.GetTempPath()} is world-writable but sticky");

    [TestCase(GroupWritable, "0775")]
    [TestCase(WorldWritable, "0777")]
    [TestCase(WorldWritable | UnixFileMode.StickyBit, "1777")]
    public void Refuses_a_directory_others_can_write(UnixFileMode mode, string octal)
    {
        var directory = _temp.Sub("shared", mode);
        Assert.That(TrustedDirectory.Problem(directory), Does.Contain(directory).And.Contain("writable by other users").And.Contain(octal));
    }

    [Test]
    public void Refuses_a_directory_whose_parent_others_can_write_and_rename()
    {
        var parent = _temp.Sub("shared", WorldWritable);
        var directory = Path.Combine(parent, "cache");
        Directory.CreateDirectory(directory);
        File.SetUnixFileMode(directory, Private);

        Assert.That(TrustedDirectory.Problem(directory), Does.Contain($"parent {parent}").And.Contain("who could replace it"));
    }

    [Test]
    public void Judges_the_target_of_a_symlink()
    {
        var shared = _temp.Sub("shared", WorldWritable);
        var link = Path.Combine(_temp.Path, "link");
        File.CreateSymbolicLink(link, shared);
        Assert.That(TrustedDirectory.Problem(link), Does.Contain(shared));
    }

    [Test]
    public void Refuses_a_directory_of_another_user()
    {
        var directory = _temp.Sub("foreign", Private);
        // Root gives it away itself; another user through sudo without a password, as GitHub's runners allow.
        string[] chown = Environment.UserName == "root" ? ["chown", "65534", directory] : ["sudo", "-n", "chown", "65534", directory];
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(chown[0], chown[1..])
            { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            NotRun.Because($"{string.Join(' ', chown)} failed ({error.Trim()}), so no directory of another user can be made",
                "run as root, or as a user with sudo without a password");

        Assert.That(TrustedDirectory.Problem(directory), Does.Contain("belongs to user id 65534"));
    }

    [Test]
    public void Reports_a_missing_directory() =>
        Assert.That(TrustedDirectory.Problem(Path.Combine(_temp.Path, "absent")), Does.Contain("does not exist"));
}

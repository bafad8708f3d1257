using System.Runtime.Versioning;
using Harness.Native;

namespace Harness.Tests.Unit.Native;

/// <summary><see cref="NativeShim.Ensure"/> on a throwaway source in a private temp directory, so the real natives are untouched.</summary>
[SupportedOSPlatform("linux")]
public sealed class NativeShimTests
{
    private const string Name = "harness-test-shim";
    private const string Purpose = "for a test";

    private PrivateTempDirectory _temp = null!;
    private string _source = null!;

    [SetUp]
    public void Create()
    {
        _temp = new PrivateTempDirectory();
        // Unique per test, so no test can be served another's build.
        _source = $"extern \"C\" int harness_test_answer() {{ return 42; }} // {Guid.NewGuid()}\n";
    }

    [TearDown] public void Delete() => _temp.Dispose();

    private string Ensure() => NativeShim.Ensure(Name, _source, _temp.Path, Purpose);

    [Test]
    public void Builds_once_and_records_the_bytes_it_built()
    {
        var path = Ensure();
        var built = File.GetLastWriteTimeUtc(path);

        Assert.That(HashedFile.IsIntact(path), Is.True);
        Assert.That(Ensure(), Is.EqualTo(path));
        Assert.That(File.GetLastWriteTimeUtc(path), Is.EqualTo(built), "an intact build is reused, not rebuilt");
        Assert.That(NativeShim.Open(path), Is.Not.EqualTo(IntPtr.Zero));
    }

    [Test]
    public void Rebuilds_a_cached_library_whose_bytes_changed_after_the_build()
    {
        var path = Ensure();
        var good = File.ReadAllBytes(path);
        var tampered = good.ToArray();
        tampered[^1] ^= 0xff;
        File.WriteAllBytes(path, tampered);

        Assert.That(HashedFile.IsIntact(path), Is.False);
        Assert.That(Ensure(), Is.EqualTo(path));
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(good), "the tampered file was replaced by a fresh build");
    }

    [Test]
    public void Rebuilds_a_cached_library_with_no_record_as_an_older_harness_left_it()
    {
        var path = Ensure();
        var good = File.ReadAllBytes(path);
        File.Delete(HashedFile.RecordOf(path));
        File.WriteAllBytes(path, [0x7f, (byte)'E', (byte)'L', (byte)'F']); // anything a racing writer might have left

        Ensure();

        Assert.That(File.ReadAllBytes(path), Is.EqualTo(good));
        Assert.That(HashedFile.IsIntact(path), Is.True);
    }

    [Test]
    public void Replaces_a_symlink_planted_at_the_cached_name_without_writing_through_it()
    {
        var victim = Path.Combine(_temp.Path, "victim");
        File.WriteAllText(victim, "precious");
        var path = Ensure();
        File.Delete(path);
        File.CreateSymbolicLink(path, victim);

        Ensure();

        Assert.That(File.ReadAllText(victim), Is.EqualTo("precious"));
        Assert.That(new FileInfo(path).LinkTarget, Is.Null, "the link itself was replaced by the library");
        Assert.That(HashedFile.IsIntact(path), Is.True);
    }

    [Test]
    public void Does_not_follow_a_symlink_planted_where_the_old_build_wrote_its_source()
    {
        // The reported attack: the old build wrote /tmp/<name>.<pid>.cpp with File.WriteAllText, through any symlink there.
        var victim = Path.Combine(_temp.Path, "victim");
        File.WriteAllText(victim, "precious");
        var planted = Path.Combine(Path.GetTempPath(), $"{Name}.{Environment.ProcessId}.cpp");
        File.CreateSymbolicLink(planted, victim);
        try
        {
            Ensure();
            Assert.That(File.ReadAllText(victim), Is.EqualTo("precious"));
        }
        finally
        {
            File.Delete(planted);
        }
    }

    [Test]
    public void Refuses_a_directory_others_can_write()
    {
        var shared = _temp.Sub("shared", (UnixFileMode)0b111_111_111);

        var error = Assert.Throws<NativeShimException>(() => NativeShim.Ensure(Name, _source, shared, Purpose));

        Assert.That(error.Message, Does.Contain(shared).And.Contain("writable by other users"));
        Assert.That(Directory.GetFiles(shared), Is.Empty, "nothing was built there");
    }

    [Test]
    public void Concurrent_builds_all_end_with_an_intact_library()
    {
        var paths = Enumerable.Range(0, 4).AsParallel().WithDegreeOfParallelism(4).Select(_ => Ensure()).Distinct().ToList();

        Assert.That(paths, Has.Count.EqualTo(1));
        Assert.That(HashedFile.IsIntact(paths[0]), Is.True);
        Assert.That(Directory.GetFiles(_temp.Path, "*.tmp", SearchOption.AllDirectories), Is.Empty, "no temp file left behind");
    }
}

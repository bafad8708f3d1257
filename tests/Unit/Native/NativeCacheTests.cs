using System.Runtime.Versioning;
using Harness.Native;

namespace Harness.Tests.Unit.Native;

[SupportedOSPlatform("linux")]
public sealed class NativeCacheTests
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode WorldWritable = (UnixFileMode)0b111_111_111;

    private PrivateTempDirectory _temp = null!;

    [SetUp] public void Create() => _temp = new PrivateTempDirectory();
    [TearDown] public void Delete() => _temp.Dispose();

    private Func<string, string?> Environment(string? cache = null) => name => name switch
    {
        NativeCache.Variable => cache,
        "XDG_CACHE_HOME" => Path.Combine(_temp.Path, "xdg"),
        _ => null,
    };

    [Test]
    public void Keeps_the_shims_beside_a_safe_native_directory()
    {
        var natives = _temp.Sub("natives", Private);
        Assert.That(NativeCache.Directory(natives, Environment()), Is.EqualTo(natives));
    }

    [Test]
    public void Bypasses_a_native_directory_others_can_write_for_a_private_per_user_cache()
    {
        var natives = _temp.Sub("natives", WorldWritable);

        var chosen = NativeCache.Directory(natives, Environment());

        Assert.That(chosen, Is.EqualTo(Path.Combine(_temp.Path, "xdg", "harness", "native")));
        Assert.That(File.GetUnixFileMode(chosen), Is.EqualTo(Private));
    }

    [Test]
    public void Takes_the_variable_first_and_creates_it_private()
    {
        var natives = _temp.Sub("natives", Private);
        var cache = Path.Combine(_temp.Path, "fresh", "cache");

        Assert.That(NativeCache.Directory(natives, Environment(cache)), Is.EqualTo(cache));
        Assert.That(File.GetUnixFileMode(cache), Is.EqualTo(Private));
    }

    [Test]
    public void Refuses_a_variable_naming_a_directory_others_can_write()
    {
        var shared = _temp.Sub("shared", WorldWritable);

        var error = Assert.Throws<NativeShimException>(() => NativeCache.Directory(_temp.Sub("natives", Private), Environment(shared)));

        Assert.That(error.Message, Does.Contain(NativeCache.Variable).And.Contain(shared).And.Contain("writable by other users"));
    }
}

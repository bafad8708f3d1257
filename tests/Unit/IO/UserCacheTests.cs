using Harness.IO;

namespace Harness.Tests.Unit.IO;

public sealed class UserCacheTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Test]
    public void An_absolute_XDG_CACHE_HOME_holds_the_harness_folder() =>
        Assert.That(UserCache.Folder("runs", Environment(("XDG_CACHE_HOME", "/x"), ("HOME", "/h"))), Is.EqualTo("/x/harness/runs"));

    [Test]
    public void A_relative_XDG_CACHE_HOME_is_ignored_as_the_specification_says() =>
        Assert.That(UserCache.Folder("native", Environment(("XDG_CACHE_HOME", "cache"), ("HOME", "/h"))),
            Is.EqualTo("/h/.cache/harness/native"));

    [Test]
    public void Without_XDG_CACHE_HOME_it_is_under_HOME() =>
        Assert.That(UserCache.Folder("received", Environment(("HOME", "/h"))), Is.EqualTo("/h/.cache/harness/received"));
}

using Harness.Config;
using Harness.Store;

namespace Harness.Tests.Unit.Store;

/// <summary>What the environment says of the store besides where it is: how long its locks may stay unchanged, and whether
/// a folder can be there at all.</summary>
public sealed class StoreLocationTests
{
    private string _root = null!;

    [SetUp] public void Create() => Directory.CreateDirectory(_root = TestScratch.Path("harness-storeloc"));

    [TearDown] public void Delete() => Directory.Delete(_root, recursive: true);

    private static TimeSpan? StaleAfter(string? value) =>
        StoreLocation.LockStaleAfter(name => name == StoreLocation.LockStaleVariable ? value : null);

    [Test]
    public void The_lock_bound_is_seconds_from_the_environment_else_the_default()
    {
        Assert.That(StaleAfter(null), Is.Null);
        Assert.That(new RunStore(_root, StaleAfter(null)).LockStaleAfter, Is.EqualTo(TimeSpan.FromMinutes(15)));
        Assert.That(StaleAfter("1.5"), Is.EqualTo(TimeSpan.FromSeconds(1.5)));
        Assert.That(new RunStore(_root, StaleAfter(" 2 ")).LockStaleAfter, Is.EqualTo(TimeSpan.FromSeconds(2)));
    }

    [TestCase("0")]
    [TestCase("-3")]
    [TestCase("soon")]
    [TestCase("86401")]
    [TestCase("NaN")]
    public void A_lock_bound_that_is_not_seconds_above_0_and_at_most_a_day_is_refused_naming_the_variable(string value)
    {
        var error = Assert.Throws<ConfigurationException>(() => StaleAfter(value));
        Assert.That(error!.Message, Is.EqualTo("HARNESS_LOCK_STALE_SECONDS: expected a number of seconds above 0 and at most 86400 " +
            $"(how long a run store lock may stay unchanged before it is taken over), found \"{value}\""));
    }

    [Test]
    public void A_folder_or_a_path_where_one_can_be_made_is_a_store_and_a_file_in_the_way_is_not()
    {
        var file = Path.Combine(_root, "file");
        File.WriteAllText(file, "");
        var link = Path.Combine(_root, "link");
        File.CreateSymbolicLink(link, file);

        Assert.That(StoreLocation.NotAFolder(_root), Is.Null);
        Assert.That(StoreLocation.NotAFolder(Path.Combine(_root, "new", "store")), Is.Null);
        Assert.That(StoreLocation.NotAFolder(file), Is.EqualTo("found a file"));
        Assert.That(StoreLocation.NotAFolder(Path.Combine(file, "store")),
            Is.EqualTo($"found a file at {file}, where no folder can be made"));
        Assert.That(StoreLocation.NotAFolder(link), Is.EqualTo($"found a link to {file}, which is no folder"));
    }
}

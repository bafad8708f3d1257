using Harness.IO;

namespace Harness.Tests.Unit.IO;

public sealed class AtomicFileTests
{
    [Test]
    public void Replaces_a_file_whole()
    {
        var folder = TestScratch.Path("harness-atomic");
        try
        {
            var path = Path.Combine(folder, "report.md");
            AtomicFile.WriteAllText(path, "old");
            AtomicFile.WriteAllText(path, "new");

            Assert.That(File.ReadAllText(path), Is.EqualTo("new"));
            Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EqualTo(new[] { "report.md" }), "no temporary file left");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void On_a_full_disk_fails_and_leaves_the_old_file_and_no_temporary_one()
    {
        using var full = FullFileSystem.Mount();
        var path = Path.Combine(full.Directory, "entry.json");
        var before = Directory.GetFiles(full.Directory).Order().ToList();

        // Small enough to sit in a write buffer: a buffered write would fail only in the flush on closing, after the cleanup.
        Assert.Throws<IOException>(() => AtomicFile.WriteAllText(path, "{ \"small\": true }"));

        Assert.That(Directory.GetFiles(full.Directory).Order(), Is.EqualTo(before), "nothing written, nothing left behind");
    }
}

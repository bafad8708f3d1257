using Harness.Data;

namespace Harness.Tests.Unit.Data;

public sealed class IdxFileTests
{
    private IdxFixtures _files = null!;

    [SetUp] public void CreateFiles() => _files = new IdxFixtures();
    [TearDown] public void DeleteFiles() => _files.Dispose();

    private static readonly byte[] ValidImages = IdxFixtures.Idx([3, 2, 2], Enumerable.Range(0, 12).Select(i => (byte)i).ToArray());

    [Test]
    public void Reads_a_raw_file()
    {
        var array = IdxFile.Read(_files.Write("images", ValidImages));

        Assert.That(array.Shape, Is.EqualTo(new[] { 3, 2, 2 }));
        Assert.That(array.Count, Is.EqualTo(3));
        Assert.That(array.ItemSize, Is.EqualTo(4));
        Assert.That(array.Elements.ToArray(), Is.EqualTo(Enumerable.Range(0, 12).Select(i => (byte)i).ToArray()));
    }

    [Test]
    public void Reads_a_gzip_file_to_the_same_contents()
    {
        var raw = IdxFile.Read(_files.Write("images", ValidImages));
        var gz = IdxFile.Read(_files.Write("images.gz", IdxFixtures.Gzip(ValidImages)));

        Assert.That(gz.Shape, Is.EqualTo(raw.Shape));
        Assert.That(gz.Elements.ToArray(), Is.EqualTo(raw.Elements.ToArray()));
    }

    [Test]
    public void Wrong_magic_number_names_the_file()
    {
        var bytes = (byte[])ValidImages.Clone();
        bytes[0] = 0x12;
        var path = _files.Write("bad-magic", bytes);

        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
        Assert.That(error.Message, Does.Contain(path).And.Contain("magic number"));
    }

    [Test]
    public void Unsupported_element_type_is_rejected()
    {
        var path = _files.Write("floats", IdxFixtures.Idx([3], new byte[3], type: 0x0D));

        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
        Assert.That(error.Message, Does.Contain(path).And.Contain("0x0d"));
    }

    [Test]
    public void Dimensions_that_disagree_with_the_length_are_rejected()
    {
        var path = _files.Write("too-long", [.. ValidImages, 0, 0]);

        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
        Assert.That(error.Message, Does.Contain(path).And.Contain("[3, 2, 2]").And.Contain("trailing data"));
    }

    [Test]
    public void Truncated_file_is_rejected()
    {
        var path = _files.Write("truncated", ValidImages[..^5]);

        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
        Assert.That(error.Message, Does.Contain(path).And.Contain("truncated"));
    }

    [Test]
    public void Truncated_header_is_rejected()
    {
        var path = _files.Write("header-only", ValidImages[..6]);

        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
        Assert.That(error.Message, Does.Contain(path).And.Contain("3 dimensions"));
    }

    [Test]
    public void Broken_gzip_is_rejected()
    {
        var gz = IdxFixtures.Gzip(ValidImages);
        var path = _files.Write("broken.gz", gz[..(gz.Length / 2)]);

        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
        Assert.That(error.Message, Does.Contain(path));
    }

    [Test]
    public void Corrupt_gzip_payload_is_rejected()
    {
        var gz = IdxFixtures.Gzip(ValidImages);
        for (var i = 12; i < gz.Length - 8; i++) gz[i] ^= 0x5A;
        var path = _files.Write("corrupt.gz", gz);

        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
        Assert.That(error.Message, Does.Contain(path));
    }
}

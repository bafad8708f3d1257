using Harness.Data;

namespace Harness.Tests.Unit.Data;

public sealed class ImageDatasetTests
{
    private IdxFixtures _files = null!;

    [SetUp] public void CreateFiles() => _files = new IdxFixtures();
    [TearDown] public void DeleteFiles() => _files.Dispose();

    [TestCase(false)]
    [TestCase(true)]
    public void First_n_subsets_are_pixels_over_255_and_labels(bool gzip)
    {
        _files.WriteDataset(train: 5, test: 4, gzip);
        var dataset = ImageDataset.Load(new DataDirectory(_files.Directory, DataOrigin.Override));

        var split = dataset.FirstN(trainCount: 2, validationCount: 3);

        Assert.That(split.Train.Count, Is.EqualTo(2));
        Assert.That(split.Train.Features, Is.EqualTo(4));
        Assert.That(split.Train.Pixels, Is.EqualTo(Enumerable.Range(0, 8).Select(i => i / 255f).ToArray()));
        Assert.That(split.Train.Labels, Is.EqualTo(new[] { 0, 1 }));
        Assert.That(split.Validation.Labels, Is.EqualTo(new[] { 1, 2, 0 }));
        Assert.That(split.Validation.Pixels[0], Is.EqualTo(1f));
        Assert.That(split.Train.Classes, Is.EqualTo(3));
    }

    [Test]
    public void Asking_for_more_samples_than_the_file_holds_is_a_clear_error()
    {
        _files.WriteDataset(train: 5, test: 4);
        var dataset = ImageDataset.Load(new DataDirectory(_files.Directory, DataOrigin.Override));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => dataset.FirstN(trainCount: 6, validationCount: 1));
        Assert.That(error.Message, Does.Contain("6 training samples").And.Contain("holds 5").And.Contain(MnistFiles.TrainImages));
    }

    [Test]
    public void Checksum_mismatch_names_the_file_and_both_hashes()
    {
        var path = _files.Write("file", [1, 2, 3]);

        var error = Assert.Throws<InvalidDataException>(() => ImageDataset.VerifySha256(path, MnistFiles.Sha256[MnistFiles.TrainLabels]));
        Assert.That(error.Message,
            Does.Contain(path).And.Contain("checksum mismatch").And.Contain(MnistFiles.Sha256[MnistFiles.TrainLabels]));
    }

    [Test]
    public void Images_and_labels_of_different_counts_are_rejected()
    {
        _files.WriteDataset(train: 5, test: 4);
        _files.Write(MnistFiles.TrainLabels, IdxFixtures.Idx([4], new byte[4]));

        var error = Assert.Throws<InvalidDataException>(() => ImageDataset.Load(new DataDirectory(_files.Directory, DataOrigin.Override)));
        Assert.That(error.Message, Does.Contain(MnistFiles.TrainLabels).And.Contain("[4]"));
    }
}

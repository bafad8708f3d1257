using Harness.Data;

namespace Harness.Tests.Unit.Training;

/// <summary>Tiny, fixed, learnable data: the class shifts which features are bright.</summary>
internal static class SyntheticData
{
    public static LabeledImages Images(int count, int features = 12, int classes = 3, int offset = 0)
    {
        var labels = Enumerable.Range(offset, count).Select(i => (i * 7 + i / 3) % classes).ToArray();
        var pixels = new float[count * features];
        for (var i = 0; i < count; i++)
            for (var j = 0; j < features; j++)
                pixels[i * features + j] = ((j + labels[i] * 4) % features < 4 ? 0.8f : 0.1f) + ((i + offset) * 13 + j * 7) % 11 / 40f;
        return new LabeledImages(pixels, labels, new Harness.Settings.Layers.TensorShape(features), classes);
    }

    public static DataSplit Split(int train, int validation) => new(Images(train), Images(validation, offset: 1000));
}

using Harness.Settings.Layers;

namespace Harness.Data;

/// <summary>A set of images as float32 pixels/255 (row-major, <see cref="Features"/> per image, each of shape
/// <see cref="Image"/>) and their class labels.</summary>
internal sealed record LabeledImages(float[] Pixels, int[] Labels, TensorShape Image, int Classes)
{
    public int Count => Labels.Length;

    public int Features => checked((int)Image.Size);

    public DataShape Shape => new(Image, Classes);
}

namespace Harness.Data;

/// <summary>A set of images as float32 pixels/255 (row-major, <see cref="Features"/> per image) and their class labels.</summary>
public sealed record LabeledImages(float[] Pixels, int[] Labels, int Features, int Classes)
{
    public int Count => Labels.Length;
}

using Harness.Settings.Layers;

namespace Harness.Data;

/// <summary>What a network is built for: the shape of one image (<c>(28, 28)</c> for MNIST's IDX files) and the number of
/// classes.</summary>
internal sealed record DataShape(TensorShape Image, int Classes)
{
    /// <summary>Pixels per image.</summary>
    public int Features => checked((int)Image.Size);
}

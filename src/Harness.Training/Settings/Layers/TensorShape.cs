using System.Globalization;

namespace Harness.Settings.Layers;

/// <summary>The shape of one sample as a layer sees it, without the batch dimension: <c>(28, 28, 1)</c> for an MNIST image in
/// channels_last order, <c>(784)</c> once flattened. Equal when the dimensions are.</summary>
public sealed record TensorShape
{
    public TensorShape(params int[] dimensions)
    {
        if (dimensions.Length == 0 || dimensions.Any(d => d < 1))
            throw new ArgumentException($"A shape needs dimensions >= 1, found ({string.Join(", ", dimensions)}).", nameof(dimensions));
        Dimensions = [.. dimensions];
    }

    public IReadOnlyList<int> Dimensions { get; }

    public int Rank => Dimensions.Count;

    public int this[int index] => Dimensions[index];

    /// <summary>The last dimension: a vector's length, an image's channels.</summary>
    public int Last => Dimensions[^1];

    /// <summary>Elements per sample, as a double: no shape a configuration can write overflows it.</summary>
    public double Size => Dimensions.Aggregate(1.0, (a, d) => a * d);

    /// <summary>The shape with the batch first, for TorchSharp.</summary>
    public long[] WithBatch(long batch) => [batch, .. Dimensions.Select(d => (long)d)];

    public bool Equals(TensorShape? other) => other is not null && Dimensions.SequenceEqual(other.Dimensions);

    public override int GetHashCode() => Dimensions.Aggregate(17, (h, d) => h * 31 + d);

    /// <summary>As Keras prints a shape: <c>(28, 28, 1)</c>, <c>(784,)</c>.</summary>
    public override string ToString() => Rank == 1
        ? $"({Dimensions[0].ToString(CultureInfo.InvariantCulture)},)"
        : $"({string.Join(", ", Dimensions.Select(d => d.ToString(CultureInfo.InvariantCulture)))})";
}

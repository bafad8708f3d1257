namespace Harness.Data;

/// <summary>An IDX file's contents: its shape and its unsigned-byte elements in row-major order.</summary>
internal sealed record IdxArray(int[] Shape, ReadOnlyMemory<byte> Elements)
{
    /// <summary>Items along the first dimension (images or labels).</summary>
    public int Count => Shape[0];

    /// <summary>Elements per item: 784 for a 28 × 28 image, 1 for a label.</summary>
    public int ItemSize => Shape.Skip(1).Aggregate(1, (a, b) => a * b);
}

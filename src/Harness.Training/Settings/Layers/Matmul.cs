namespace Harness.Settings.Layers;

/// <summary>
/// The matrix product a Dense or Conv2D layer computes for one sample: <see cref="Rows"/> rows of <see cref="Inner"/> inputs
/// times an <see cref="Inner"/> × <see cref="Outputs"/> kernel. Dense on a vector is one row; a convolution has a row per
/// output position (its im2col patches). What the FLOP count and the benchmark's GEMM replay are made of.
/// </summary>
internal sealed record Matmul(int Rows, int Inner, int Outputs)
{
    /// <summary>Multiply-adds per sample.</summary>
    public double MultiplyAdds => (double)Rows * Inner * Outputs;
}

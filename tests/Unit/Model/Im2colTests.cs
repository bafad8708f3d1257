using Harness.Model;
using static TorchSharp.torch;

namespace Harness.Tests.Unit.Model;

/// <summary><see cref="Im2col"/>'s function against autograd's own path through the two unfolds it replaces, bit for bit:
/// random values make any change in the order of a sum show in the last bits.</summary>
public sealed class Im2colTests
{
    private static int[] Bits(Tensor t) => [.. t.contiguous().data<float>().ToArray().Select(BitConverter.SingleToInt32Bits)];

    private static (int[] Rows, int[] Gradient) Run(Func<Tensor, Tensor> im2col, int seed, (int, int, int, int) shape)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator((ulong)seed);
        var (n, h, w, c) = shape;
        var input = randn([n, h, w, c], generator: generator).requires_grad_(true);
        var rows = im2col(input);
        // The upstream gradient is the weight: random, with every tenth value −0 to check the sign of zero survives too.
        var weight = randn(rows.shape, generator: generator);
        weight.masked_fill_(rand(rows.shape, generator: generator).lt(0.1), -0.0);
        (rows * weight).sum().backward();
        return (Bits(rows), Bits(input.grad!));
    }

    [Test]
    public void Rows_and_their_gradient_are_autograds_bit_for_bit(
        [Values(new[] { 3, 3, 1, 1 }, new[] { 2, 2, 2, 2 }, new[] { 3, 2, 2, 1 }, new[] { 5, 5, 1, 1 }, new[] { 3, 3, 3, 3 },
            new[] { 1, 1, 1, 1 }, new[] { 2, 3, 1, 2 }, new[] { 3, 3, 2, 2 })] int[] geometry)
    {
        var (kh, kw, sh, sw) = (geometry[0], geometry[1], geometry[2], geometry[3]);
        var shape = (3, 9, 8, 4);
        var autograd = Run(x => Im2col.Unfold(x, kh, kw, sh, sw), seed: 11, shape);
        var function = Run(x => Im2col.Rows(x, (kh, kw), (sh, sw)), seed: 11, shape);

        Assert.That(function.Rows, Is.EqualTo(autograd.Rows), "forward");
        Assert.That(function.Gradient, Is.EqualTo(autograd.Gradient), "backward");
    }

    [Test]
    public void Summing_the_windows_in_the_other_order_gives_other_bits()
    {
        // The control: the same slices added with the offsets ascending, so each element's windows come last to first.
        // The sums differ in their last bits, so the test above can tell the order apart.
        using var scope = NewDisposeScope();
        using var generator = new Generator(11);
        var input = randn([3, 9, 8, 4], generator: generator).requires_grad_(true);
        var rows = Im2col.Unfold(input, 3, 3, 1, 1);
        var weight = randn(rows.shape, generator: generator);
        (rows * weight).sum().backward();

        var patches = weight.view(3, 7, 6, 3, 3, 4);
        var byWidth = zeros([3, 7, 8, 3, 4]);
        for (var j = 0; j < 3; j++) byWidth.slice(2, j, j + 6, 1).add_(patches.select(4, j));
        var gradient = zeros([3, 9, 8, 4]);
        for (var i = 0; i < 3; i++) gradient.slice(1, i, i + 7, 1).add_(byWidth.select(3, i));

        Assert.That(Bits(gradient), Is.Not.EqualTo(Bits(input.grad!)));
        Assert.That(gradient.allclose(input.grad!, rtol: 1e-5, atol: 1e-5), Is.True, "the same sums, up to rounding");
    }
}

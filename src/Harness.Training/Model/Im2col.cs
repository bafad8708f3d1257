using static TorchSharp.torch;

namespace Harness.Model;

/// <summary>
/// A convolution's patch matrix as one autograd function: forward, each output position's receptive field as a row in
/// Keras's kernel order (row, column, channel); backward, the rows' gradient summed back into the input's.
/// <para>The backward adds in exactly the order autograd took through the two <c>unfold</c>s the forward is made of
/// (ATen's unfold_backward: each input element starts at zero and adds its windows' values in increasing window order,
/// or, where the stride is at least the window, takes its one value by copy), first along the width, then along the
/// height. So the bits are those of autograd's path (<c>Im2colTests</c> compares them), in a few strided adds of whole
/// slices instead of ATen's element-by-element loop: mnist_cnn's second convolution's backward took 70–80 ms a batch
/// that way.</para>
/// Arguments: the (padded) input [n, h, w, c], then the window and the strides as (kh, kw, sh, sw).
/// </summary>
internal sealed class Im2col : autograd.SingleTensorFunction<Im2col>
{
    public override string Name => nameof(Im2col);

    /// <summary>The patch matrix of <paramref name="input"/>, [n·oh·ow, kh·kw·c], differentiable.</summary>
    public static Tensor Rows(Tensor input, (int H, int W) window, (int H, int W) strides) =>
        apply(input, (window.H, window.W, strides.H, strides.W));

    /// <summary>The patch matrix as autograd would build it: what <see cref="Rows"/> computes forward.</summary>
    public static Tensor Unfold(Tensor input, int kh, int kw, int sh, int sw)
    {
        var patches = input.unfold(1, kh, sh).unfold(2, kw, sw).permute(0, 1, 2, 4, 5, 3);
        var (n, oh, ow, c) = (patches.shape[0], patches.shape[1], patches.shape[2], patches.shape[5]);
        // A 1 × 1 window's patches are the input itself; the function's output must be a tensor of its own.
        return patches.is_contiguous() ? patches.reshape(n * oh * ow, kh * kw * c).clone() : patches.reshape(n * oh * ow, kh * kw * c);
    }

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var input = (Tensor)vars[0];
        var (kh, kw, sh, sw) = ((int, int, int, int))vars[1];
        ctx.save_data("geometry", vars[1]);
        ctx.save_data("shape", input.shape);
        return Unfold(input, kh, kw, sh, sw);
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
    {
        var (kh, kw, sh, sw) = ((int, int, int, int))ctx.get_data("geometry");
        var shape = (long[])ctx.get_data("shape");
        var (n, h, w, c) = (shape[0], shape[1], shape[2], shape[3]);
        var (oh, ow) = ((h - kh) / sh + 1, (w - kw) / sw + 1);
        using var scope = NewDisposeScope();
        var patches = grad_output.reshape(n, oh, ow, kh, kw, c);

        // Along the width: byWidth[n, oh, x, i, c] gathers the windows over x, window after window.
        var byWidth = zeros([n, oh, w, kh, c]);
        Fold(byWidth, 2, kw, sw, ow, j => patches.select(4, j));
        // Along the height, into the input's gradient.
        var input = zeros([n, h, w, c]);
        Fold(input, 1, kh, sh, oh, i => byWidth.select(3, i));
        return [input.MoveToOuterDisposeScope(), null!];
    }

    /// <summary>
    /// Adds each window offset's gradient into <paramref name="target"/> along <paramref name="dim"/>. An element of the target
    /// gets one value per window covering it, and the offsets go from the last to the first, so its windows come in
    /// increasing order, as unfold_backward adds them; with the stride at least the window, each element has one value,
    /// which unfold_backward copies.
    /// </summary>
    private static void Fold(Tensor target, int dim, int window, int stride, long windows, Func<int, Tensor> offset)
    {
        for (var k = window - 1; k >= 0; k--)
        {
            var covered = target.slice(dim, k, k + (windows - 1) * stride + 1, stride);
            if (stride >= window) covered.copy_(offset(k));
            else covered.add_(offset(k));
        }
    }
}

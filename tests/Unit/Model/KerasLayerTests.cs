using Harness.Settings.Layers;
using Harness.Model;
using TorchSharp;
using static TorchSharp.torch;
using Dropout = Harness.Settings.Layers.Dropout;
using Flatten = Harness.Settings.Layers.Flatten;

namespace Harness.Tests.Unit.Model;

/// <summary>The layers' TorchSharp modules: forward shapes, Keras's conventions (channels_last, TensorFlow's SAME padding,
/// Flatten's order, the first maximum's gradient) and glorot_uniform with a convolution's fans.</summary>
public sealed class KerasLayerTests
{
    private static Tensor Counting(params long[] shape) => arange(shape.Aggregate(1L, (a, b) => a * b), ScalarType.Float32).reshape(shape);

    [TestCase(5, 5, 3, 1, "valid")]
    [TestCase(7, 6, 3, 2, "valid")]
    [TestCase(5, 5, 3, 1, "same")]
    [TestCase(6, 7, 2, 2, "same")]
    public void Conv2D_by_im2col_is_the_convolution_atens_conv2d_computes(int height, int width, int kernel, int stride, string padding)
    {
        using var scope = NewDisposeScope();
        var layer = new Conv2D("conv", 4, (kernel, kernel), (stride, stride), padding);
        var conv = new KerasConv2D(layer, new TensorShape(height, width, 3));
        using var init = new Generator(7);
        conv.Initialize(init);
        using (no_grad()) conv.parameters().Last().uniform_(-1, 1, init);  // a bias that is not zero
        var x = rand([2, height, width, 3], generator: init);

        var ours = conv.forward(x);

        // The reference: NCHW conv2d with Keras's kernel [kh, kw, c, f] as torch's [f, c, kh, kw], after TensorFlow's SAME
        // padding (the odd pixel at the end), which torch's own symmetric padding cannot express.
        var (top, bottom) = Spatial.Padding(height, kernel, stride, padding);
        var (left, right) = Spatial.Padding(width, kernel, stride, padding);
        var nchw = nn.functional.pad(x.permute(0, 3, 1, 2), [left, right, top, bottom]);
        var weight = conv.Kernel.reshape(4, kernel, kernel, 3).permute(0, 3, 1, 2);
        var reference = nn.functional.conv2d(nchw, weight, conv.parameters().Last(), [stride, stride]).permute(0, 2, 3, 1);

        Assert.That(ours.shape, Is.EqualTo(layer.Output(new TensorShape(height, width, 3)).WithBatch(2)));
        Assert.That(ours.allclose(reference, rtol: 1e-5, atol: 1e-5), Is.True);
    }

    [Test]
    public void Same_padding_puts_the_odd_pixel_at_the_end_as_tensorflow_does()
    {
        // A 4-wide axis, a window of 2, stride 1: SAME pads one pixel, after the axis.
        Assert.That(Spatial.Padding(4, 2, 1, "same"), Is.EqualTo((0, 1)));
        Assert.That(Spatial.Padding(5, 3, 2, "same"), Is.EqualTo((1, 1)));
        Assert.That(Spatial.Padding(6, 3, 2, "same"), Is.EqualTo((0, 1)));
        Assert.That(Spatial.Length(28, 3, 1, "valid"), Is.EqualTo(26));
        Assert.That(Spatial.Length(25, 2, 2, "valid"), Is.EqualTo(12));
        Assert.That(Spatial.Length(25, 2, 2, "same"), Is.EqualTo(13));
    }

    [Test]
    public void Flatten_reads_channels_last_activations_in_row_column_channel_order()
    {
        using var scope = NewDisposeScope();
        // Element (h, w, c) of a 2×2×3 sample holds 6h + 3w + c: Keras's channels_last Flatten gives 0, 1, …, 11.
        var flat = new KerasFlatten("flatten").forward(Counting(1, 2, 2, 3));
        Assert.That(flat.data<float>().ToArray(), Is.EqualTo(Enumerable.Range(0, 12).Select(i => (float)i).ToArray()));
        Assert.That(new Flatten("f").Output(new TensorShape(2, 2, 3)), Is.EqualTo(new TensorShape(12)));
    }

    [Test]
    public void Max_pooling_takes_each_windows_maximum_and_passes_the_gradient_to_the_first_of_equal_maxima()
    {
        using var scope = NewDisposeScope();
        // One channel, 2×4: windows [[1, 5], [5, 0]] and [[2, 2], [2, 2]].
        var x = tensor(new float[] { 1, 5, 2, 2, 5, 0, 2, 2 }, [1, 2, 4, 1]).requires_grad_();
        var pool = new KerasMaxPooling2D(new MaxPooling2D("pool", (2, 2), (2, 2)), new TensorShape(2, 4, 1));

        var y = pool.forward(x);
        y.sum().backward();

        Assert.That(y.data<float>().ToArray(), Is.EqualTo(new float[] { 5, 2 }));
        Assert.That(x.grad!.data<float>().ToArray(), Is.EqualTo(new float[] { 0, 1, 1, 0, 0, 0, 0, 0 }),
            "each window's gradient goes to its first maximum in row order, as TensorFlow's MaxPoolGrad does");
    }

    [Test]
    public void Same_padded_pooling_never_picks_the_padding()
    {
        using var scope = NewDisposeScope();
        var x = full([1, 3, 3, 1], -7f);
        var pool = new KerasMaxPooling2D(new MaxPooling2D("pool", (2, 2), (2, 2), "same"), new TensorShape(3, 3, 1));
        var y = pool.forward(x);
        Assert.That(y.shape, Is.EqualTo(new long[] { 1, 2, 2, 1 }));
        Assert.That(y.data<float>().ToArray(), Is.All.EqualTo(-7f), "padding is −∞, not 0");
    }

    [Test]
    public void Conv2D_kernels_are_glorot_uniform_with_the_receptive_field_in_both_fans_and_biases_are_zero()
    {
        using var scope = NewDisposeScope();
        var conv = new KerasConv2D(new Conv2D("conv2d_2", 64, (3, 3), (1, 1)), new TensorShape(26, 26, 32));
        using var init = new Generator(3);
        conv.Initialize(init);

        // Keras's fans for a 3×3 kernel from 32 to 64 channels: 9·32 = 288 in, 9·64 = 576 out.
        var limit = GlorotUniform.Limit(288, 576);
        var values = conv.Kernel.data<float>().ToArray();
        Assert.That(conv.Kernel.shape, Is.EqualTo(new long[] { 64, 288 }));
        Assert.That(values.Max(v => Math.Abs(v)), Is.LessThanOrEqualTo(limit).And.GreaterThan(0.99 * limit));
        var sd = Math.Sqrt(values.Average(v => (double)v * v));
        Assert.That(sd, Is.EqualTo(limit / Math.Sqrt(3)).Within(0.01 * limit), "U(−a, a) has sd a/√3; 18,432 draws");
        Assert.That(values.Average(v => (double)v), Is.EqualTo(0).Within(0.01 * limit));
        Assert.That(conv.parameters().Last().data<float>().ToArray(), Is.All.EqualTo(0f));
    }

    [Test]
    public void The_mnist_cnn_maps_a_batch_of_images_to_one_logit_per_class_layer_by_layer()
    {
        using var scope = NewDisposeScope();
        var spec = new ModelSpec([
            new InputLayer("input_1", new TensorShape(28, 28, 1)),
            new Conv2D("conv2d_1", 32, (3, 3), (1, 1), "valid", "relu"), new Conv2D("conv2d_2", 64, (3, 3), (1, 1), "valid", "relu"),
            new MaxPooling2D("max_pooling2d_1", (2, 2), (2, 2)), new Dropout("dropout_1", 0.25), new Flatten("flatten_1"),
            new Dense("dense_1", 128, "relu"), new Dropout("dropout_2", 0.5), new Dense("dense_2", 10, "softmax"),
        ]);
        using var init = new Generator(1);
        using var dropout = new Generator(2);
        using var model = new KerasSequential(spec, new TensorShape(28, 28), init, dropout);

        var x = rand([3, 784], generator: init).view(3, 28, 28, 1);
        var shapes = new List<long[]>();
        foreach (var layer in model.Layers)
        {
            x = layer.forward(x);
            shapes.Add(x.shape);
        }

        Assert.That(shapes.Select(s => string.Join("×", s)), Is.EqualTo(new[]
        {
            "3×26×26×32", "3×24×24×64", "3×12×12×64", "3×12×12×64", "3×9216", "3×128", "3×128", "3×10",
        }));
        Assert.That(model.forward(rand([3, 784], generator: init)).shape, Is.EqualTo(new long[] { 3, 10 }),
            "logits; the loss has the softmax");
        Assert.That(model.parameters().Sum(p => p.numel()), Is.EqualTo(1_199_882));
    }
}

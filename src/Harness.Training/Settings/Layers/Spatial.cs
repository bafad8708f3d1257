namespace Harness.Settings.Layers;

/// <summary>Keras's output length of a window slid along one spatial axis (<c>conv_utils.conv_output_length</c>, no dilation), and
/// TensorFlow's SAME padding, which puts the odd pixel at the end.</summary>
internal static class Spatial
{
    public static int Length(int input, int window, int stride, string padding)
    {
        var length = padding == "same" ? (input + stride - 1) / stride : (input - window + stride) / stride;
        if ((padding != "same" && input < window) || length < 1)
            throw new LayerShapeException($"a window of {window} does not fit an axis of {input} with '{padding}' padding");
        return length;
    }

    /// <summary>Pixels added before and after the axis under SAME padding (none under valid).</summary>
    public static (int Before, int After) Padding(int input, int window, int stride, string padding)
    {
        if (padding != "same") return (0, 0);
        var total = Math.Max((Length(input, window, stride, padding) - 1) * stride + window - input, 0);
        return (total / 2, total - total / 2);
    }

    /// <summary>SAME padding of a (height, width, channels) input as <c>nn.functional.pad</c> takes it, the last dimension first:
    /// channels (none), width, height; empty when nothing is padded.</summary>
    public static long[] PadArgument(TensorShape input, (int H, int W) window, (int H, int W) strides, string padding)
    {
        var (top, bottom) = Padding(input[0], window.H, strides.H, padding);
        var (left, right) = Padding(input[1], window.W, strides.W, padding);
        return top + bottom + left + right > 0 ? [0, 0, left, right, top, bottom] : [];
    }
}

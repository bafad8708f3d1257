using Harness.Settings.Layers;
using static TorchSharp.torch;

namespace Harness.Model;

/// <summary>
/// Keras's MaxPooling2D on channels_last input, by ATen's max_pool2d on the same memory seen as channels-first. A maximum
/// rounds nothing, so its value is the same on every CPU; a window whose maximum appears twice passes its gradient to the
/// first, as TensorFlow's does. SAME padding pads with −∞, which no maximum picks.
/// </summary>
internal sealed class KerasMaxPooling2D : nn.Module<Tensor, Tensor>
{
    private readonly long[] _pool, _strides, _padding;

    public KerasMaxPooling2D(MaxPooling2D layer, TensorShape input) : base(layer.Name)
    {
        _pool = [layer.PoolSize.H, layer.PoolSize.W];
        _strides = [layer.Strides.H, layer.Strides.W];
        _padding = Spatial.PadArgument(input, layer.PoolSize, layer.Strides, layer.Padding);
    }

    public override Tensor forward(Tensor input)
    {
        var padded = _padding.Length > 0 ? nn.functional.pad(input, _padding, value: double.NegativeInfinity) : input;
        var pooled = nn.functional.max_pool2d(padded.permute(0, 3, 1, 2), _pool, _strides);
        return pooled.permute(0, 2, 3, 1);
    }
}

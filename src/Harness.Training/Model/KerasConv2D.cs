using Harness.Settings.Layers;
using Harness.Profiling;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Harness.Model;

/// <summary>
/// Keras's Conv2D on channels_last input, computed as im2col and one matrix product: the input [n, h, w, c] is unfolded into
/// one row per output position of the receptive field's values, in (row, column, channel) order, and multiplied by the
/// kernel, [filters, kh·kw·c] (Keras's [kh, kw, c, filters] kernel, flattened and transposed), as a Dense layer multiplies
/// its input. The product goes to MKL's SGEMM under the numerics
/// profile's CNR setting, the same as every Dense layer, and the unfolding only copies values, so a convolution gives the
/// same bits wherever the Dense layers do. ATen's own convolution was measured against it (docs/numerics.md, "Convolutions").
/// </summary>
internal sealed class KerasConv2D : nn.Module<Tensor, Tensor>
{
    private readonly Parameter _kernel;
    private readonly Parameter _bias;
    private readonly Conv2D _layer;
    private readonly long[] _padding;
    private readonly int _fanIn;
    private readonly TensorShape _output;

    public KerasConv2D(Conv2D layer, TensorShape input) : base(layer.Name)
    {
        _layer = layer;
        _fanIn = layer.FanIn(input);
        _output = layer.Output(input);
        _kernel = new Parameter(empty(layer.Filters, _fanIn));
        _bias = new Parameter(zeros(layer.Filters));
        _padding = Spatial.PadArgument(input, layer.KernelSize, layer.Strides, layer.Padding);
        register_parameter("kernel", _kernel);
        register_parameter("bias", _bias);
    }

    public Parameter Kernel => _kernel;

    public void Initialize(Generator init) => GlorotUniform.Initialize(_kernel, _bias, _fanIn, _layer.FanOut, init);

    public override Tensor forward(Tensor input)
    {
        var padded = _padding.Length > 0 ? nn.functional.pad(input, _padding) : input;
        // The patch matrix, each pixel's channels contiguous as they lie in the input, in Keras's kernel order (kh, kw, c).
        var rows = RunProfile.Mark(Im2col.Rows(padded, _layer.KernelSize, _layer.Strides), Work.Elementwise);
        var output = RunProfile.Mark(nn.functional.linear(rows, _kernel, _bias), Work.Matmul).view(_output.WithBatch(input.shape[0]));
        return KerasActivation.Apply(_layer.Activation, output);
    }
}

using static TorchSharp.torch;

namespace Harness.Model;

/// <summary>Keras's Flatten on channels_last activations: each sample's values in (height, width, channel) order, which is how
/// they lie in memory here, so the rows of the next Dense layer's kernel meet them in Keras's order.</summary>
internal sealed class KerasFlatten(string name) : nn.Module<Tensor, Tensor>(name)
{
    public override Tensor forward(Tensor input) => input.reshape(input.shape[0], -1);
}

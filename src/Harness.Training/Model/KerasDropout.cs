using Harness.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Harness.Model;

/// <summary>
/// Inverted dropout as Keras 2 on TensorFlow 1 computes it: in training, <c>x / keep * mask</c> with
/// keep = 1 − rate and mask ~ Bernoulli(keep); in inference, the identity. Unlike TorchSharp's Dropout
/// module, the mask comes from the run's own dropout generator (see <see cref="BernoulliMask"/>), so a run
/// is reproducible and a fresh mask is drawn on every call, that is every batch.
/// </summary>
public sealed class KerasDropout : nn.Module<Tensor, Tensor>
{
    private readonly double _rate;
    private readonly Generator _generator;

    internal KerasDropout(double rate, Generator generator) : base(nameof(KerasDropout))
    {
        _rate = rate;
        _generator = generator;
    }

    public override Tensor forward(Tensor input)
    {
        if (!training || _rate == 0) return input.alias();
        using var mask = DrawMask(input.shape);
        using var scaled = input.div(1 - _rate);
        return scaled.mul(mask);
    }

    /// <summary>A fresh 0/1 mask; advances the dropout generator by one draw.</summary>
    public unsafe Tensor DrawMask(long[] shape)
    {
        using var seedTensor = randint(long.MaxValue, [1], dtype: ScalarType.Int64, generator: _generator);
        var seed = (ulong)seedTensor.item<long>();
        var mask = empty(shape, ScalarType.Float32);
        BernoulliMask.Fill(TensorMemory.Float32(mask), mask.numel(), _rate, seed);
        return mask;
    }
}

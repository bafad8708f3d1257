using TorchSharp;
using TorchSharp.Modules;

namespace Harness.Model;

/// <summary>
/// Keras's default kernel initializer, glorot_uniform (VarianceScaling, scale 1, fan_avg, uniform): U(−limit, limit) with
/// limit = √(6 / (fan_in + fan_out)), and a zero bias. A Dense kernel's fans are its inputs and units; a Conv2D kernel's count
/// its receptive field too (kh·kw·channels in, kh·kw·filters out). TorchSharp's own init (Kaiming-uniform weights, a non-zero
/// bias) is overwritten, drawing from the run's init generator rather than torch's global one.
/// </summary>
internal static class GlorotUniform
{
    public static double Limit(long fanIn, long fanOut) => Math.Sqrt(6.0 / (fanIn + fanOut));

    public static void Initialize(Linear dense, torch.Generator generator) =>
        // TorchSharp stores the weight as [out, in]; Keras's kernel is [in, out]. The limit is symmetric.
        Initialize(dense.weight!, dense.bias!, fanIn: dense.weight!.shape[1], fanOut: dense.weight.shape[0], generator);

    public static void Initialize(Parameter kernel, Parameter bias, long fanIn, long fanOut, torch.Generator generator)
    {
        using var _ = torch.no_grad();
        var limit = Limit(fanIn, fanOut);
        // Tensor.uniform_, not nn.init.uniform_: in TorchSharp 0.107 the latter ignores its generator argument
        // and draws from the global generator (found by GlorotUniformTests).
        kernel.uniform_(-limit, limit, generator);
        bias.zero_();
    }
}

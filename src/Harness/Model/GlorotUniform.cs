using TorchSharp;
using TorchSharp.Modules;

namespace Harness.Model;

/// <summary>
/// Keras's Dense defaults: glorot_uniform kernel, U(−limit, limit) with limit = √(6 / (fan_in + fan_out)),
/// and a zero bias. TorchSharp's Linear starts with Kaiming-uniform weights and a non-zero bias, so both
/// are overwritten, drawing from the run's init generator rather than torch's global one.
/// </summary>
public static class GlorotUniform
{
    public static double Limit(long fanIn, long fanOut) => Math.Sqrt(6.0 / (fanIn + fanOut));

    public static void Initialize(Linear dense, torch.Generator generator)
    {
        using var _ = torch.no_grad();
        // TorchSharp stores the weight as [out, in]; Keras's kernel is [in, out]. The limit is symmetric.
        var limit = Limit(fanIn: dense.weight!.shape[1], fanOut: dense.weight.shape[0]);
        // Tensor.uniform_, not nn.init.uniform_: in TorchSharp 0.107 the latter ignores its generator argument
        // and draws from the global generator (found by GlorotUniformTests).
        dense.weight.uniform_(-limit, limit, generator);
        dense.bias!.zero_();
    }
}

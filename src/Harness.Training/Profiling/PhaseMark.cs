using static TorchSharp.torch;

namespace Harness.Profiling;

/// <summary>
/// The identity, as an autograd function whose backward tells a <see cref="RunProfile"/> that the marked output's gradient
/// has arrived. Both directions hand their tensor on unchanged (an alias), so a marked run computes the same values.
/// Arguments: the output, the profile, the <see cref="Work"/> that made the output.
/// </summary>
internal sealed class PhaseMark : autograd.SingleTensorFunction<PhaseMark>
{
    public override string Name => nameof(PhaseMark);

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        ctx.save_data(nameof(RunProfile), vars[1]);
        ctx.save_data(nameof(Work), vars[2]);
        return ((Tensor)vars[0]).alias();
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
    {
        ((RunProfile)ctx.get_data(nameof(RunProfile))).GradientReached((Work)ctx.get_data(nameof(Work)));
        return [grad_output.alias(), null!, null!];
    }
}

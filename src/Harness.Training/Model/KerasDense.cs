using Harness.Settings.Layers;
using Harness.Profiling;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Harness.Model;

/// <summary>Keras's Dense: <c>activation(x · kernel + bias)</c> over the last axis, glorot_uniform kernel and zero bias.</summary>
public sealed class KerasDense : nn.Module<Tensor, Tensor>
{
    private readonly Linear _linear;
    private readonly string? _activation;

    internal KerasDense(Dense layer, TensorShape input) : base(layer.Name)
    {
        _linear = nn.Linear(input.Last, layer.Units);
        _activation = layer.Activation;
        RegisterComponents();
    }

    public Linear Linear => _linear;

    internal void Initialize(Generator init) => GlorotUniform.Initialize(_linear, init);

    public override Tensor forward(Tensor input) =>
        KerasActivation.Apply(_activation, RunProfile.Mark(_linear.forward(input), Work.Matmul));
}

using Harness.Settings.Layers;
using Harness.Profiling;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Dropout = Harness.Settings.Layers.Dropout;
using Flatten = Harness.Settings.Layers.Flatten;

namespace Harness.Model;

/// <summary>
/// A Keras Sequential model built from its description (<see cref="ModelSpec"/>), returning logits: the last layer's
/// softmax belongs to the loss (see <see cref="Harness.Training.Loss"/>), which applies it exactly where Keras's would.
/// Images come as rows of pixels and are viewed in the shape the first layer takes, (28, 28, 1) for a convnet on MNIST.
/// Layers are built, then initialised in order, kernel then bias, as Keras builds them; the init stream is drawn that way.
/// </summary>
internal sealed class KerasSequential : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> _layers = new();
    private readonly long[] _inputShape;

    /// <param name="model">The model; its last layer must end in softmax (<see cref="ModelSpec.Problems"/>).</param>
    /// <param name="image">The shape of one image as the data holds it.</param>
    public KerasSequential(ModelSpec model, TensorShape image, Generator init, Generator dropout) : base(nameof(KerasSequential))
    {
        _inputShape = [.. model.InputShape(image).Dimensions.Select(d => (long)d)];
        foreach (var (layer, input, _) in model.Logits.Trace(image))
        {
            if (layer is InputLayer) continue;
            _layers.Add(layer switch
            {
                Dense dense => new KerasDense(dense, input),
                Conv2D conv => new KerasConv2D(conv, input),
                MaxPooling2D pooling => new KerasMaxPooling2D(pooling, input),
                Flatten flatten => new KerasFlatten(flatten.Name),
                Dropout drop => new KerasDropout(drop.Rate, dropout),
                Activation activation => new KerasActivation(activation.Function),
                _ => throw new ArgumentException($"Layer class {layer.ClassName} has no implementation.", nameof(model)),
            });
        }
        RegisterComponents();
        foreach (var module in _layers)
        {
            if (module is KerasDense dense) dense.Initialize(init);
            else if (module is KerasConv2D conv) conv.Initialize(init);
        }
    }

    public IReadOnlyList<nn.Module<Tensor, Tensor>> Layers => [.. _layers];

    public override Tensor forward(Tensor input)
    {
        var x = input.view([input.shape[0], .. _inputShape]);
        // Every layer ends in element-wise work but a Dense or Conv2D without activation, whose product marks itself.
        foreach (var layer in _layers) x = RunProfile.Mark(layer.forward(x), Work.Elementwise);
        return x;
    }
}

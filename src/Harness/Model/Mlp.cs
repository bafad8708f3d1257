using Harness.Config;
using Harness.Config.Settings;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Harness.Model;

/// <summary>
/// The tutorial's model: <c>Layers</c> blocks of Dense(width) → ReLU → [Dropout], then Dense(classes).
/// It returns logits; the softmax belongs to the loss (see <see cref="Harness.Training.Loss"/>), which
/// applies it exactly where Keras's Dense(10, activation='softmax') would.
/// </summary>
public sealed class Mlp : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Linear> _hidden = new();
    private readonly Linear _output;
    private readonly KerasDropout? _dropout;

    public Mlp(RunConfig config, int features, int classes, Generator init, Generator dropout) : base(nameof(Mlp))
    {
        var inputs = features;
        for (var i = 0; i < config.Layers; i++)
        {
            _hidden.Add(nn.Linear(inputs, config.Width));
            inputs = config.Width;
        }
        _output = nn.Linear(inputs, classes);
        if (config.Dropout > 0) _dropout = new KerasDropout(config.Dropout, dropout);
        RegisterComponents();

        // Keras builds and initialises layers in order, kernel then bias; the init stream is drawn the same way.
        foreach (var dense in _hidden.Append(_output)) GlorotUniform.Initialize(dense, init);
    }

    public IEnumerable<Linear> DenseLayers => _hidden.Append(_output);

    public override Tensor forward(Tensor input)
    {
        var x = input;
        foreach (var dense in _hidden)
        {
            x = nn.functional.relu(dense.forward(x));
            if (_dropout is not null) x = _dropout.forward(x);
        }
        return _output.forward(x);
    }
}

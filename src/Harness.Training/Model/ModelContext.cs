using System.Globalization;
using Harness.Settings.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Harness.Model;

/// <summary>
/// What a <see cref="HarnessModel"/> builds its network from: the shape of one sample, the class count, the run's value of
/// each declared setting, and the run's seeded streams, through layers that draw from them as the harness's own do.
/// </summary>
public sealed class ModelContext
{
    private readonly IReadOnlyDictionary<string, object> _values;
    private readonly Generator _init, _dropout;
    private readonly KerasNames _names = new();

    internal ModelContext(TensorShape input, int classes, IReadOnlyDictionary<string, object> values, Generator init, Generator dropout)
    {
        (Input, Classes, _values, _init, _dropout) = (input, classes, values, init, dropout);
    }

    /// <summary>The shape of one sample as the data holds it: <c>(28, 28)</c> for MNIST.</summary>
    public TensorShape Input { get; }

    /// <summary>Values per sample: the width of the rows the network is given.</summary>
    public int Features => checked((int)Input.Size);

    /// <summary>The classes: the width of the logits the network must return.</summary>
    public int Classes { get; }

    /// <summary>The run's value of a declared <c>int</c> setting.</summary>
    public int Int(string name) => (int)Value(name);

    /// <summary>The run's value of a declared <c>double</c> setting.</summary>
    public double Number(string name) => Convert.ToDouble(Value(name), CultureInfo.InvariantCulture);

    /// <summary>The run's value of a declared <c>bool</c> setting.</summary>
    public bool Flag(string name) => (bool)Value(name);

    /// <summary>Keras's <c>Dense(units, activation)</c> on the last axis (<c>relu</c>, <c>tanh</c>, <c>sigmoid</c>, or null
    /// for none), its kernel glorot_uniform from the run's init stream and its bias zero, drawn when it is made: layers made in
    /// the same order draw the same weights.</summary>
    public KerasDense Dense(int inputs, int units, string? activation = null)
    {
        var dense = new KerasDense(new Dense(_names.Next("Dense"), units, activation), new TensorShape(inputs));
        dense.Initialize(_init);
        return dense;
    }

    /// <summary>Keras's dropout, its masks from the run's dropout stream.</summary>
    public KerasDropout Dropout(double rate) => new(rate, _dropout);

    /// <summary>Keras's glorot_uniform kernel and zero bias for a <see cref="Linear"/> made by the model itself, from the run's
    /// init stream.</summary>
    public void Initialize(Linear linear) => GlorotUniform.Initialize(linear, _init);

    private object Value(string name) => _values.TryGetValue(name, out var value) ? value
        : throw new ArgumentException($"The model declares no setting '{name}'; it declares: {string.Join(", ", _values.Keys)}.",
            nameof(name));
}

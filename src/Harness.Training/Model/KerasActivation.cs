using static TorchSharp.torch;

namespace Harness.Model;

/// <summary>The activations a Keras layer can name (<see cref="Settings.Layers.LayerKeys.Activations"/>), as TorchSharp computes
/// them; null (Keras's <c>linear</c>) is the identity.</summary>
internal sealed class KerasActivation(string? function) : nn.Module<Tensor, Tensor>(nameof(KerasActivation))
{
    public override Tensor forward(Tensor input) => Apply(function, input);

    public static Tensor Apply(string? function, Tensor x) => function switch
    {
        null => x.alias(),
        "relu" => nn.functional.relu(x),
        "tanh" => x.tanh(),
        "sigmoid" => x.sigmoid(),
        // Keras's softmax for a tensor of rank > 1 is over the last axis.
        "softmax" => nn.functional.softmax(x, -1),
        _ => throw new ArgumentException($"Unknown activation '{function}'.", nameof(function)),
    };
}

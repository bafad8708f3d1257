using System.Text.Json;

namespace Harness.Settings.Layers;

/// <summary>Keras's <c>Activation(activation)</c>: one of <see cref="LayerKeys.Activations"/>, element-wise (softmax over the
/// last axis).</summary>
internal sealed record Activation(string Name, string? Function) : Layer(Name)
{
    public override string ClassName => "Activation";

    public override string? ActivationFunction => Function;

    public override TensorShape Output(TensorShape input) => input;

    public override IReadOnlyDictionary<string, object> Values => new Dictionary<string, object> { ["activation"] = Function ?? "linear" };

    public override Layer With(string key, object value) => key == "activation"
        ? this with { Function = LayerKeys.ActivationOrNull((string)value) }
        : throw new ArgumentException($"Activation has no '{key}'.", nameof(key));

    public override Layer WithoutActivation() => this with { Function = null };

    protected override void WriteConfig(Utf8JsonWriter json) => json.WriteString("activation", Function ?? "linear");

    public override string Describe() => $"Activation({Function ?? "linear"})";
}

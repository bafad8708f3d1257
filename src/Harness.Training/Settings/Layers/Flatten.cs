using System.Text.Json;

namespace Harness.Settings.Layers;

/// <summary>Keras's <c>Flatten()</c> on channels_last input: one vector per sample in (height, width, channel) order.</summary>
internal sealed record Flatten(string Name) : Layer(Name)
{
    public override string ClassName => "Flatten";

    public override TensorShape Output(TensorShape input) => new(checked((int)input.Size));

    public override IReadOnlyDictionary<string, object> Values => new Dictionary<string, object>();

    public override Layer With(string key, object value) => throw new ArgumentException($"Flatten has no '{key}'.", nameof(key));

    protected override void WriteConfig(Utf8JsonWriter json) => json.WriteString("data_format", "channels_last");

    public override string Describe() => "Flatten()";
}

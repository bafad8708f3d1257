using System.Globalization;
using System.Text.Json;

namespace Harness.Settings.Layers;

/// <summary>Keras's <c>Dropout(rate)</c>: inverted dropout in training, the identity in inference; rate 0 is the identity.</summary>
internal sealed record Dropout(string Name, double Rate) : Layer(Name)
{
    public override string ClassName => "Dropout";

    public override TensorShape Output(TensorShape input) => input;

    public override IReadOnlyDictionary<string, object> Values => new Dictionary<string, object> { ["rate"] = Rate };

    public override Layer With(string key, object value) => key == "rate" ? this with { Rate = (double)value }
        : throw new ArgumentException($"Dropout has no '{key}'.", nameof(key));

    protected override void WriteConfig(Utf8JsonWriter json) => json.WriteNumber("rate", Rate);

    public override string Describe() => $"Dropout({Rate.ToString("R", CultureInfo.InvariantCulture)})";
}

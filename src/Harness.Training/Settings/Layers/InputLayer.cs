using System.Text.Json;

namespace Harness.Settings.Layers;

/// <summary>Keras's <c>InputLayer</c> (or a first layer's <c>input_shape</c>): the shape each sample has, which the data's images
/// must fill exactly (28×28 MNIST pixels as <c>(28, 28, 1)</c> or <c>(784,)</c>).</summary>
internal sealed record InputLayer(string Name, TensorShape Shape) : Layer(Name)
{
    public override string ClassName => "InputLayer";

    public override TensorShape Output(TensorShape input) => input.Size == Shape.Size ? Shape
        : throw new LayerShapeException($"expects samples of shape {Shape} ({Shape.Size} values), but the images have {input.Size}");

    public override IReadOnlyDictionary<string, object> Values => new Dictionary<string, object>();

    public override Layer With(string key, object value) => throw new ArgumentException($"InputLayer has no '{key}'.", nameof(key));

    protected override void WriteConfig(Utf8JsonWriter json)
    {
        json.WriteStartArray("batch_input_shape");
        json.WriteNullValue();
        foreach (var d in Shape.Dimensions) json.WriteNumberValue(d);
        json.WriteEndArray();
    }

    public override string Describe() => $"Input{Shape}";
}

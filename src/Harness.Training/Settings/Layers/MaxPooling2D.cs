using System.Text.Json;

namespace Harness.Settings.Layers;

/// <summary>Keras's <c>MaxPooling2D(pool_size, strides, padding)</c> on channels_last input; strides default to the pool size.</summary>
internal sealed record MaxPooling2D(string Name, (int H, int W) PoolSize, (int H, int W) Strides, string Padding = "valid") : Layer(Name)
{
    public override string ClassName => "MaxPooling2D";

    public override TensorShape Output(TensorShape input)
    {
        if (input.Rank != 3)
            throw new LayerShapeException($"expected an input of (height, width, channels), found {input}");
        return new(Spatial.Length(input[0], PoolSize.H, Strides.H, Padding), Spatial.Length(input[1], PoolSize.W, Strides.W, Padding),
            input[2]);
    }

    public override IReadOnlyDictionary<string, object> Values => new Dictionary<string, object>
    {
        ["pool_size"] = LayerKeys.Square(PoolSize), ["strides"] = LayerKeys.Square(Strides), ["padding"] = Padding,
    };

    public override Layer With(string key, object value) => key switch
    {
        // Keras's strides=None follows the pool size; a pool varied alone keeps strides that were equal to it equal.
        "pool_size" => this with
        {
            PoolSize = ((int)value, (int)value), Strides = Strides == PoolSize ? ((int)value, (int)value) : Strides,
        },
        "strides" => this with { Strides = ((int)value, (int)value) },
        "padding" => this with { Padding = (string)value },
        _ => throw new ArgumentException($"MaxPooling2D has no '{key}'.", nameof(key)),
    };

    protected override void WriteConfig(Utf8JsonWriter json)
    {
        WritePair(json, "pool_size", PoolSize);
        json.WriteString("padding", Padding);
        WritePair(json, "strides", Strides);
    }

    public override string Describe() => $"MaxPooling2D({PoolSize.H}×{PoolSize.W}" +
        (Strides != PoolSize ? $", strides {Strides.H}×{Strides.W}" : "") + (Padding != "valid" ? $", {Padding}" : "") + ")";
}

using System.Text.Json;

namespace Harness.Settings.Layers;

/// <summary>
/// Keras's <c>Conv2D(filters, kernel_size, strides, padding, activation)</c> on channels_last input (height, width,
/// channels), no dilation, with a bias: glorot_uniform kernel whose fans count the receptive field, zero bias.
/// </summary>
internal sealed record Conv2D(
    string Name, int Filters, (int H, int W) KernelSize, (int H, int W) Strides, string Padding = "valid", string? Activation = null)
    : Layer(Name)
{
    public override string ClassName => "Conv2D";

    public override string? ActivationFunction => Activation;

    public override TensorShape Output(TensorShape input)
    {
        if (input.Rank != 3)
            throw new LayerShapeException($"expected an input of (height, width, channels), found {input}");
        return new(Spatial.Length(input[0], KernelSize.H, Strides.H, Padding),
            Spatial.Length(input[1], KernelSize.W, Strides.W, Padding), Filters);
    }

    /// <summary>Kernel inputs: the receptive field times the input channels (Keras's fan_in).</summary>
    public int FanIn(TensorShape input) => KernelSize.H * KernelSize.W * input[2];

    /// <summary>Keras's fan_out: the receptive field times the filters.</summary>
    public int FanOut => KernelSize.H * KernelSize.W * Filters;

    public override double Parameters(TensorShape input) => (double)FanIn(input) * Filters + Filters;

    public override Matmul Matmul(TensorShape input)
    {
        var output = Output(input);
        return new(output[0] * output[1], FanIn(input), Filters);
    }

    public override IReadOnlyDictionary<string, object> Values => new Dictionary<string, object>
    {
        ["filters"] = Filters, ["kernel_size"] = LayerKeys.Square(KernelSize), ["strides"] = LayerKeys.Square(Strides),
        ["padding"] = Padding, ["activation"] = Activation ?? "linear",
    };

    public override Layer With(string key, object value) => key switch
    {
        "filters" => this with { Filters = (int)value },
        "kernel_size" => this with { KernelSize = ((int)value, (int)value) },
        "strides" => this with { Strides = ((int)value, (int)value) },
        "padding" => this with { Padding = (string)value },
        "activation" => this with { Activation = LayerKeys.ActivationOrNull((string)value) },
        _ => throw new ArgumentException($"Conv2D has no '{key}'.", nameof(key)),
    };

    public override Layer WithoutActivation() => this with { Activation = null };

    protected override void WriteConfig(Utf8JsonWriter json)
    {
        json.WriteNumber("filters", Filters);
        WritePair(json, "kernel_size", KernelSize);
        WritePair(json, "strides", Strides);
        json.WriteString("padding", Padding);
        json.WriteString("activation", Activation ?? "linear");
    }

    public override string Describe() =>
        $"Conv2D({Filters}, {KernelSize.H}×{KernelSize.W}" + (Strides != (1, 1) ? $", strides {Strides.H}×{Strides.W}" : "") +
        (Padding != "valid" ? $", {Padding}" : "") + (Activation is { } a ? ", " + a : "") + ")";
}

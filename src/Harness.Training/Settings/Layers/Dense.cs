using System.Text.Json;

namespace Harness.Settings.Layers;

/// <summary>Keras's <c>Dense(units, activation)</c>: glorot_uniform kernel, zero bias, applied to the last axis.</summary>
internal sealed record Dense(string Name, int Units, string? Activation = null) : Layer(Name)
{
    public override string ClassName => "Dense";

    public override string? ActivationFunction => Activation;

    public override TensorShape Output(TensorShape input) => new([.. input.Dimensions.Take(input.Rank - 1), Units]);

    public override double Parameters(TensorShape input) => (double)input.Last * Units + Units;

    public override Matmul Matmul(TensorShape input) =>
        new((int)input.Dimensions.Take(input.Rank - 1).Aggregate(1L, (a, d) => a * d), input.Last, Units);

    public override IReadOnlyDictionary<string, object> Values => new Dictionary<string, object>
    {
        ["units"] = Units, ["activation"] = Activation ?? "linear",
    };

    public override Layer With(string key, object value) => key switch
    {
        "units" => this with { Units = (int)value },
        "activation" => this with { Activation = LayerKeys.ActivationOrNull((string)value) },
        _ => throw new ArgumentException($"Dense has no '{key}'.", nameof(key)),
    };

    public override Layer WithoutActivation() => this with { Activation = null };

    protected override void WriteConfig(Utf8JsonWriter json)
    {
        json.WriteNumber("units", Units);
        json.WriteString("activation", Activation ?? "linear");
    }

    public override string Describe() => $"Dense({Units}{(Activation is { } a ? ", " + a : "")})";
}

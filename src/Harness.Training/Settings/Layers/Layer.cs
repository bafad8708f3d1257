using System.Text.Json;

namespace Harness.Settings.Layers;

/// <summary>
/// One layer of a Sequential model, in Keras 2.2.4's vocabulary: its class name, its <c>name</c> and the config keys it
/// supports. A description only: <see cref="Harness.Model.KerasSequential"/> builds the TorchSharp modules from it.
/// Records, so two models are equal when their layers are.
/// </summary>
/// <param name="Name">Keras's layer name, unique in the model (<c>conv2d_1</c>): what a grid axis names (<c>conv2d_1.filters</c>).</param>
internal abstract record Layer(string Name)
{
    /// <summary>Keras's class name: <c>Conv2D</c>.</summary>
    public abstract string ClassName { get; }

    /// <summary>The activation the layer ends with, or null for none (Keras's <c>linear</c> is none).</summary>
    public virtual string? ActivationFunction => null;

    /// <summary>The shape of one sample after this layer, or a <see cref="LayerShapeException"/> saying why there is none.</summary>
    public abstract TensorShape Output(TensorShape input);

    /// <summary>Trainable weights (kernel and bias), for an input of this shape.</summary>
    public virtual double Parameters(TensorShape input) => 0;

    /// <summary>The matrix product the layer computes per sample, or null when it computes none.</summary>
    public virtual Matmul? Matmul(TensorShape input) => null;

    /// <summary>The values a grid can vary (<see cref="LayerKeys"/>), by config key, as they are now.</summary>
    public abstract IReadOnlyDictionary<string, object> Values { get; }

    /// <summary>This layer with one of its <see cref="Values"/> changed (a grid's axis value).</summary>
    public abstract Layer With(string key, object value);

    /// <summary>The layer without its activation: the last layer's softmax belongs to the loss.</summary>
    public virtual Layer WithoutActivation() => this;

    /// <summary>Its Keras config (<c>{"class_name", "config": {"name", …}}</c>) as result files and store keys record it.</summary>
    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("class_name", ClassName);
        json.WriteStartObject("config");
        json.WriteString("name", Name);
        WriteConfig(json);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The config keys after <c>name</c>, each that decides the layer's computation, in Keras's order.</summary>
    protected abstract void WriteConfig(Utf8JsonWriter json);

    protected static void WritePair(Utf8JsonWriter json, string key, (int, int) pair)
    {
        json.WriteStartArray(key);
        json.WriteNumberValue(pair.Item1);
        json.WriteNumberValue(pair.Item2);
        json.WriteEndArray();
    }

    /// <summary>As reports print it: <c>Conv2D(32, 3×3, relu)</c>.</summary>
    public abstract string Describe();
}

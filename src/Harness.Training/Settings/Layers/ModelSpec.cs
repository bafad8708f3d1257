using System.Text.Json;

namespace Harness.Settings.Layers;

/// <summary>
/// A Keras Sequential model as data: its layers in order. An experiment declares one as <c>"model"</c>, or uses the MLP
/// settings (<c>layers</c>, <c>width</c>, <c>dropout</c>), the shorthand for <see cref="Mlp"/>. Equal when the layers are.
/// The last layer must end in softmax, which the loss applies (Keras's categorical cross-entropy on probabilities).
/// </summary>
internal sealed record ModelSpec
{
    public ModelSpec(IEnumerable<Layer> layers) => Layers = [.. layers];

    public IReadOnlyList<Layer> Layers { get; }

    /// <summary>The tutorial's network: <paramref name="layers"/> × [Dense(width, relu), Dropout(rate) when rate &gt; 0], then
    /// Dense(classes, softmax), named as Keras names them.</summary>
    public static ModelSpec Mlp(int layers, int width, double dropout, int classes)
    {
        var names = new KerasNames();
        var list = new List<Layer>();
        for (var i = 0; i < layers; i++)
        {
            list.Add(new Dense(names.Next("Dense"), width, "relu"));
            if (dropout > 0) list.Add(new Dropout(names.Next("Dropout"), dropout));
        }
        list.Add(new Dense(names.Next("Dense"), classes, "softmax"));
        return new ModelSpec(list);
    }

    public Layer? Find(string name) => Layers.FirstOrDefault(l => l.Name == name);

    /// <summary>The model with a run's values applied (<c>conv2d_1.filters</c> = 16): what that run trains.</summary>
    public ModelSpec With(LayerValues values) => values.Values.Count == 0 ? this : new(Layers.Select(layer =>
        values.Values.Where(v => v.Key.StartsWith(layer.Name + ".", StringComparison.Ordinal))
            .Aggregate(layer, (l, v) => l.With(v.Key[(layer.Name.Length + 1)..], v.Value))));

    /// <summary>
    /// The shape the first layer takes from images of shape <paramref name="image"/>: an InputLayer's, else the image with a
    /// channel axis for a model that starts with a spatial layer, else the flattened pixels (Keras's mnist_mlp reshapes to 784).
    /// </summary>
    public TensorShape InputShape(TensorShape image)
    {
        if (Layers.FirstOrDefault() is InputLayer input) return input.Shape;
        var first = Layers.FirstOrDefault(l => l is not (Dropout or Activation));
        return first is Conv2D or MaxPooling2D ? image.Rank == 2 ? new TensorShape(image[0], image[1], 1) : image
            : new TensorShape(checked((int)image.Size));
    }

    /// <summary>Each layer with the shapes it takes and gives, for images of shape <paramref name="image"/>.</summary>
    /// <exception cref="LayerShapeException">A layer that cannot take its input, named with its position and name.</exception>
    public IReadOnlyList<(Layer Layer, TensorShape Input, TensorShape Output)> Trace(TensorShape image)
    {
        var trace = new List<(Layer, TensorShape, TensorShape)>();
        var shape = Layers.FirstOrDefault() is InputLayer ? image : InputShape(image);
        foreach (var (layer, index) in Layers.Select((l, i) => (l, i)))
        {
            try
            {
                var output = layer.Output(shape);
                trace.Add((layer, shape, output));
                shape = output;
            }
            catch (LayerShapeException e)
            {
                throw new LayerShapeException($"layer {index} ({layer.ClassName} '{layer.Name}'): {e.Message}");
            }
        }
        return trace;
    }

    /// <summary>Why this model cannot train on images of shape <paramref name="image"/> with <paramref name="classes"/> classes; empty
    /// when it can.</summary>
    public IReadOnlyList<string> Problems(TensorShape image, int classes)
    {
        if (Layers.Count == 0) return ["expected at least one layer, found none"];
        IReadOnlyList<(Layer Layer, TensorShape Input, TensorShape Output)> trace;
        try
        {
            trace = Trace(image);
        }
        catch (LayerShapeException e)
        {
            return [e.Message];
        }
        var problems = new List<string>();
        var last = Layers[^1];
        if (last.ActivationFunction != "softmax")
            problems.Add($"the last layer ({last.ClassName} '{last.Name}') must end in softmax, found " +
                $"{last.ActivationFunction ?? "no activation"}: the loss is Keras's categorical_crossentropy on probabilities");
        if (!trace[^1].Output.Equals(new TensorShape(classes)))
            problems.Add($"the model's output has shape {trace[^1].Output}, but the data has {classes} classes: expected ({classes},)");
        return problems;
    }

    /// <summary>The model up to its logits: the last layer's softmax belongs to the loss.</summary>
    public ModelSpec Logits => new([.. Layers.Take(Layers.Count - 1), Layers[^1].WithoutActivation()]);

    /// <summary>Trainable weights, for images of shape <paramref name="image"/>.</summary>
    public double Parameters(TensorShape image) => Trace(image).Sum(t => t.Layer.Parameters(t.Input));

    /// <summary>The matrix products per sample, in layer order, for images of shape <paramref name="image"/>.</summary>
    public IReadOnlyList<Matmul> Matmuls(TensorShape image) =>
        [.. Trace(image).Select(t => t.Layer.Matmul(t.Input)).OfType<Matmul>()];

    /// <summary>The layer list as Keras's <c>model.to_json()</c> gives it (the keys that decide the computation).</summary>
    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartArray();
        foreach (var layer in Layers) layer.WriteJson(json);
        json.WriteEndArray();
    }

    /// <summary>One line for reports: <c>Conv2D(32, 3×3, relu) → MaxPooling2D(2×2) → … → Dense(10, softmax)</c>.</summary>
    public string Describe() => string.Join(" → ", Layers.Select(l => l.Describe()));

    public bool Equals(ModelSpec? other) => other is not null && Layers.SequenceEqual(other.Layers);

    public override int GetHashCode() => Layers.Aggregate(17, (h, l) => h * 31 + l.GetHashCode());
}

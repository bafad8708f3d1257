using System.Globalization;
using System.Text.RegularExpressions;
using Harness.Settings.Layers;

namespace Harness.Config;

/// <summary>
/// Reads an experiment's <c>"model"</c>: a list of layers in Keras 2.2.4's vocabulary, each either compact
/// (<c>{"class_name": "Conv2D", "filters": 32, "kernel_size": 3, "activation": "relu"}</c>) or as Keras's <c>model.to_json()</c>
/// writes it (<c>{"class_name": "Conv2D", "config": {…}}</c>); the whole <c>to_json()</c> object of a Sequential model is read too.
/// Keras keys whose value the harness computes by definition (a glorot_uniform kernel, no regularizer, channels_last) are
/// accepted at that value; any other value, key or layer class is an error naming the layer and the key.
/// </summary>
internal sealed partial class ModelReader(ConfigReader reader)
{
    private static readonly string[] Classes = ["InputLayer", "Dense", "Conv2D", "MaxPooling2D", "Flatten", "Dropout", "Activation"];

    private static readonly string[] Common = ["name", "trainable", "dtype", "batch_input_shape", "input_shape"];

    private static readonly string[] Weights =
    [
        "use_bias", "kernel_initializer", "bias_initializer", "kernel_regularizer", "bias_regularizer", "activity_regularizer",
        "kernel_constraint", "bias_constraint",
    ];

    /// <summary>The model, or null when the experiment uses the MLP settings instead.</summary>
    public ModelSpec? Read(string path = "model")
    {
        if (!reader.Has(path)) return null;
        var list = ListPath(path);
        if (list is null) return null;
        var names = new KerasNames();
        var layers = new List<Layer>();
        foreach (var index in reader.Indices(list))
            layers.AddRange(ReadLayer($"{list}:{index}", layers.Count, names));
        foreach (var duplicate in layers.GroupBy(l => l.Name).Where(g => g.Count() > 1))
            reader.Error(path, $"layer name '{duplicate.Key}' is used by {duplicate.Count()} layers; Keras requires unique names");
        if (layers.Count == 0 && reader.Errors.Count == 0) reader.Error(path, "expected a non-empty list of layers");
        return new ModelSpec(layers);
    }

    /// <summary>Where the layer list is: the value itself, or inside a Sequential model's <c>to_json()</c> (Keras 2.2.4 writes
    /// <c>config.layers</c>; earlier 2.x wrote <c>config</c> as the list).</summary>
    private string? ListPath(string path)
    {
        if (!reader.Has($"{path}:class_name")) return reader.Array(path, p => p).Count > 0 ? path : null;
        var className = reader.String($"{path}:class_name");
        if (className != "Sequential")
        {
            reader.Error($"{path}:class_name", $"expected a list of layers or a Sequential model's to_json(), found '{className}'");
            return null;
        }
        reader.OnlyKeys(path, "class_name", "config", "keras_version", "backend");
        if (reader.Has($"{path}:config:layers"))
        {
            reader.OnlyKeys($"{path}:config", "name", "layers");
            return reader.Array($"{path}:config:layers", p => p).Count > 0 ? $"{path}:config:layers" : null;
        }
        return reader.Array($"{path}:config", p => p).Count > 0 ? $"{path}:config" : null;
    }

    /// <summary>The layer at <paramref name="path"/>; two when a first layer declares its input (Keras's implicit InputLayer,
    /// which the model keeps as a layer of its own).</summary>
    private IEnumerable<Layer> ReadLayer(string path, int position, KerasNames names)
    {
        var className = reader.String($"{path}:class_name", required: true);
        if (className is null) return [];
        if (!Classes.Contains(className))
        {
            reader.Error($"{path}:class_name", $"layer class '{className}' is not supported; expected one of {string.Join(", ", Classes)}");
            return [];
        }
        var keras = reader.Has($"{path}:config");
        var config = keras ? $"{path}:config" : path;
        if (keras) reader.OnlyKeys(path, "class_name", "config");
        // Keras counts only the names it makes up: a named layer leaves the count where it is.
        var name = reader.String($"{config}:name") ?? names.Next(className);
        // A layer's name becomes part of a setting's name, and so of run ids, which name files (runs/, baselines/): a name
        // that is a path ("../x") or holds a separator would write outside their folders.
        if (!LayerName().IsMatch(name))
            reader.Error($"{config}:name", "expected a layer name of letters, digits, '_', '-' and '.', beginning with a letter, digit " +
                $"or '_' (it becomes part of run ids and file names), found '{name}'");
        var layer = new Keys(reader, config, $"{className} '{name}'");

        layer.Only([.. Common, .. className switch
        {
            "Dense" => (string[])["units", "activation", .. Weights],
            "Conv2D" => ["filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "activation", .. Weights],
            "MaxPooling2D" => ["pool_size", "strides", "padding", "data_format"],
            "Flatten" => ["data_format"],
            "Dropout" => ["rate", "noise_shape", "seed"],
            "Activation" => ["activation"],
            _ => ["sparse"],
        }]);
        layer.Fixed("trainable", "true", "a trainable layer (the harness trains every weight)");
        layer.Fixed("dtype", "float32", "float32, as the harness computes");
        layer.Fixed("data_format", "channels_last", "channels_last");
        layer.Fixed("use_bias", "true", "a bias (use_bias true)");
        layer.Fixed("sparse", "false", "a dense input");
        layer.Initializer("kernel_initializer", "glorot_uniform", "VarianceScaling", ("scale", "1"), ("mode", "fan_avg"),
            ("distribution", "uniform"));
        layer.Initializer("bias_initializer", "zeros", "Zeros");
        foreach (var key in new[] { "kernel_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint",
                     "bias_constraint", "noise_shape", "seed" })
            layer.Null(key);
        if (reader.Has($"{config}:dilation_rate") && layer.Pair("dilation_rate", (1, 1)) != (1, 1))
            layer.Error("dilation_rate", "expected 1 (no dilation)");

        var input = layer.InputShape(position);
        Layer result = className switch
        {
            "InputLayer" => (Layer)new InputLayer(name, input ?? Missing(layer, "batch_input_shape")),
            "Dense" => new Dense(name, layer.Int("units", required: true), layer.Activation()),
            "Conv2D" => new Conv2D(name, layer.Int("filters", required: true), layer.Pair("kernel_size", null),
                layer.Pair("strides", (1, 1)), layer.Padding(), layer.Activation()),
            "MaxPooling2D" => Pooling(layer, name),
            "Flatten" => new Flatten(name),
            "Dropout" => new Dropout(name, layer.Rate()),
            _ => new Activation(name, layer.Activation(required: true)),
        };
        return input is not null && result is not InputLayer ? [new InputLayer(names.Next("InputLayer"), input), result] : [result];
    }

    private static MaxPooling2D Pooling(Keys layer, string name)
    {
        var pool = layer.Pair("pool_size", (2, 2));
        return new MaxPooling2D(name, pool, layer.Pair("strides", pool), layer.Padding());
    }

    private static TensorShape Missing(Keys layer, string key)
    {
        layer.Error(key, "missing; an InputLayer needs its batch_input_shape, e.g. [null, 28, 28, 1]");
        return new TensorShape(1);
    }

    /// <summary>Typed reads of one layer's config keys; each error names the key and the layer.</summary>
    private sealed class Keys(ConfigReader reader, string config, string layer)
    {
        public void Error(string key, string message) => reader.Error($"{config}:{key}", $"{layer}: {message}");

        public void Only(string[] allowed) => reader.OnlyKeys(config, ["class_name", .. allowed]);

        private string? Text(string key) => reader.Has($"{config}:{key}") ? reader.String($"{config}:{key}") : null;

        public void Fixed(string key, string expected, string meaning)
        {
            if (Text(key) is { } value && !value.Equals(expected, StringComparison.OrdinalIgnoreCase))
                Error(key, $"expected {expected} ({meaning}), found '{value}'");
        }

        /// <summary>A key that must be null or absent: a regularizer, a constraint, a noise shape or a seed of its own.</summary>
        public void Null(string key)
        {
            if (reader.Has($"{config}:{key}")) Error(key, "expected null: the harness supports none");
        }

        public void Initializer(string key, string alias, string className, params (string Key, string Value)[] values)
        {
            var path = $"{config}:{key}";
            if (!reader.Has(path)) return;
            if (!reader.ChildKeys(path).Any())
            {
                if (!string.Equals(reader.String(path), alias, StringComparison.OrdinalIgnoreCase))
                    Error(key, $"expected {alias} (Keras's default, which the harness computes), found '{reader.String(path)}'");
                return;
            }
            var found = reader.String($"{path}:class_name");
            var matches = found == className && values.All(v =>
                reader.String($"{path}:config:{v.Key}") is { } text && Same(text, v.Value)) &&
                !reader.Has($"{path}:config:seed");
            if (!matches) Error(key, $"expected {alias} ({className}" +
                (values.Length > 0 ? $" with {string.Join(", ", values.Select(v => $"{v.Key} {v.Value}"))}" : "") +
                $", no seed), found {found ?? "another initializer"}");
        }

        private static bool Same(string text, string expected) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) &&
            double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var b) ? a == b
                : text.Equals(expected, StringComparison.OrdinalIgnoreCase);

        public int Int(string key, bool required = false)
        {
            if (!reader.Has($"{config}:{key}"))
            {
                if (required) Error(key, "missing; expected an integer >= 1");
                return 1;
            }
            var text = reader.String($"{config}:{key}");
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 1) return value;
            Error(key, $"expected an integer >= 1, found '{text}'");
            return 1;
        }

        /// <summary>An integer n (n×n) or a list [h, w], as Keras takes kernel sizes, strides and pool sizes.</summary>
        public (int, int) Pair(string key, (int, int)? fallback)
        {
            var path = $"{config}:{key}";
            if (!reader.Has(path))
            {
                if (fallback is { } f) return f;
                Error(key, "missing; expected an integer or a list of two integers >= 1");
                return (1, 1);
            }
            var parts = reader.ChildKeys(path).Any() ? reader.Indices(path).Select(i => reader.String($"{path}:{i}")).ToList()
                : [reader.String(path), reader.String(path)];
            var values = parts.Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 1
                ? v : (int?)null).ToList();
            if (values.Count == 2 && values.All(v => v is not null)) return (values[0]!.Value, values[1]!.Value);
            Error(key, $"expected an integer or a list of two integers >= 1, found {Describe(path)}");
            return (1, 1);
        }

        public string Padding()
        {
            var padding = Text("padding") ?? "valid";
            if (LayerKeys.Paddings.Contains(padding)) return padding;
            Error("padding", $"expected valid or same, found '{padding}'");
            return "valid";
        }

        public string? Activation(bool required = false)
        {
            var activation = Text("activation");
            if (activation is null)
            {
                if (required) Error("activation", $"missing; expected one of {string.Join(", ", LayerKeys.Activations)}");
                return null;
            }
            if (LayerKeys.Activations.Contains(activation)) return LayerKeys.ActivationOrNull(activation);
            Error("activation", $"activation '{activation}' is not supported; expected one of {string.Join(", ", LayerKeys.Activations)}");
            return null;
        }

        public double Rate()
        {
            var text = Text("rate");
            if (text is null) Error("rate", "missing; expected a number in [0, 1)");
            else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate is >= 0 and < 1)
                return rate;
            else Error("rate", $"expected a number in [0, 1), found '{text}'");
            return 0;
        }

        /// <summary>The sample shape a layer declares (<c>input_shape</c>, or <c>batch_input_shape</c> without its batch), which
        /// only the first layer may.</summary>
        public TensorShape? InputShape(int position)
        {
            var key = reader.Has($"{config}:batch_input_shape") ? "batch_input_shape" : reader.Has($"{config}:input_shape") ? "input_shape"
                : null;
            if (key is null) return null;
            if (position > 0)
            {
                Error(key, "only the first layer may declare the input's shape");
                return null;
            }
            var path = $"{config}:{key}";
            // batch_input_shape starts with the batch size (null in to_json()), which the harness's batchSize sets.
            var dims = reader.Indices(path).Skip(key == "batch_input_shape" ? 1 : 0).Select(i => reader.String($"{path}:{i}")).ToList();
            var values = dims.Select(d => int.TryParse(d, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 1
                ? v : (int?)null).ToList();
            if (values.Count is >= 1 and <= 3 && values.All(v => v is not null)) return new TensorShape([.. values.Select(v => v!.Value)]);
            Error(key, $"expected the shape of one sample (1 to 3 integers >= 1, channels last), found {Describe(path)}");
            return null;
        }

        private string Describe(string path) => reader.ChildKeys(path).Any()
            ? $"[{string.Join(", ", reader.Indices(path).Select(i => reader.String($"{path}:{i}") ?? "null"))}]"
            : $"'{reader.String(path)}'";
    }

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]*$")]
    private static partial Regex LayerName();
}

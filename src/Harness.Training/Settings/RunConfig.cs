using Harness.Settings.Layers;

namespace Harness.Settings;

/// <summary>
/// Every knob of one training run. The defaults are the tutorial's: Dense(512) blocks, Adam with Keras's defaults,
/// batch 128, 18 epochs, the first 1000 training and first 3000 test images; they are written here and only here (each
/// <see cref="RunSetting"/>'s default reads them). Each property is described, parsed, printed and validated through its
/// <see cref="RunSetting"/> in <see cref="RunSettings.All"/>.
/// </summary>
internal sealed record RunConfig
{
    public int Layers { get; init; } = 1;
    public double Dropout { get; init; }
    public int NTrain { get; init; } = 1000;
    public int NValidation { get; init; } = 3000;
    public int Seed { get; init; } = 1;
    public int Epochs { get; init; } = 18;
    public int BatchSize { get; init; } = 128;
    public int Width { get; init; } = 512;
    public string Optimizer { get; init; } = "adam";

    // Optimizer hyperparameters: null means the optimizer's Keras default (RunSettings.HyperparameterDefault).
    public double? LearningRate { get; init; }
    public double? Momentum { get; init; }
    public bool? Nesterov { get; init; }
    public double? Rho { get; init; }
    public double? Beta1 { get; init; }
    public double? Beta2 { get; init; }
    public double? Epsilon { get; init; }

    public Semantics Semantics { get; init; } = Semantics.Keras;

    /// <summary>The experiment's model as declared (<c>"model"</c>), or null for the MLP that <see cref="Layers"/>,
    /// <see cref="Width"/> and <see cref="Dropout"/> describe.</summary>
    public ModelSpec? Model { get; init; }

    /// <summary>What the run trains on, as result files name it: <c>mnist</c>, or the full name of a C# data source's class.</summary>
    public string Dataset { get; init; } = "mnist";

    /// <summary>The experiment's model when it names a C# class (<c>"model": {"class": …}</c>), else null.</summary>
    public ClassModel? ModelClass { get; init; }

    /// <summary>Layer values this run sets away from the declared <see cref="Model"/> (a grid's <c>conv2d_1.filters</c>), and
    /// a C# model's settings away from the declared <see cref="ModelClass"/> (a grid's <c>hidden</c>).</summary>
    public LayerValues LayerValues { get; init; } = LayerValues.None;

    /// <summary>Whether the run's network is the MLP that <see cref="Layers"/>, <see cref="Width"/> and <see cref="Dropout"/>
    /// describe (no layer list, no C# model).</summary>
    public bool IsMlp => Model is null && ModelClass is null;

    /// <summary>The network this run trains, for data with <paramref name="classes"/> classes (the MLP's last layer has one
    /// unit per class).</summary>
    /// <exception cref="InvalidOperationException">The run's model is a C# class, which no layer list describes.</exception>
    public ModelSpec Network(int classes) => ModelClass is not null
        ? throw new InvalidOperationException($"Run {RunId} trains the C# model {ModelClass.ClassName}, which has no layer list.")
        : Model?.With(LayerValues) ?? ModelSpec.Mlp(Layers, Width, Dropout, classes);

    /// <summary>
    /// Stable, file-safe id naming baselines, result files and tests alike, e.g. <c>layers-9_dropout-0.2_n-1000_seed-1</c>.
    /// Settings left at their defaults are omitted, so the tutorial's runs keep short ids while a changed learning rate can
    /// never collide with them.
    /// </summary>
    public string RunId => RunSettings.RunId(this);

    /// <summary>The id without the seed: what runs of the same configuration share.</summary>
    public string ConfigurationId => RunSettings.ConfigurationId(this);

    /// <summary>A hyperparameter's value for training: as set, else the optimizer's default.</summary>
    public double Hyperparameter(string name)
    {
        var setting = RunSettings.Find(name) is { IsHyperparameter: true } s ? s
            : throw new ArgumentException($"'{name}' is not an optimizer hyperparameter.", nameof(name));
        // A value set for an optimizer that does not use it is a configuration error (Validate), never a silent input.
        if (setting.Default(this) is null) throw new InvalidOperationException($"Optimizer '{Optimizer}' does not use '{name}'.");
        return setting.Effective(this) switch
        {
            double d => d,
            bool b => b ? 1 : 0,
            _ => throw new InvalidOperationException($"Optimizer '{Optimizer}' does not use '{name}'."),
        };
    }

    /// <summary>Every problem at once, each naming the setting, what is allowed and what was found. The data's sizes are
    /// checked only when given: an experiment is checked against its files once they are read, whatever dataset they hold.</summary>
    public IReadOnlyList<string> Validate(int trainingSetSize = int.MaxValue, int validationSetSize = int.MaxValue)
    {
        var errors = new List<string>();
        foreach (var setting in RunSettings.All)
        {
            var value = setting.Get(this);
            if (value is null) continue;
            if (setting.IsHyperparameter && setting.Default(this) is null)
                errors.Add($"{setting.Name}: optimizer '{Optimizer}' does not use it; {RunSettings.UsedBy(Optimizer)}");
            else if (setting.Parse(RunSetting.Format(value), out var error) is null)
                errors.Add($"{setting.Name}: {error}");
        }
        foreach (var (name, _) in LayerValues.Values)
            if (RunSettings.Find(name) is not { } setting || setting.Default(this) is null)
                errors.Add($"{name}: {Unused(name)}");
        if (NTrain > trainingSetSize) errors.Add($"nTrain: expected at most the {trainingSetSize} training images " +
            $"the data has, found {NTrain}");
        if (NValidation > validationSetSize) errors.Add($"nValidation: expected at most the {validationSetSize} test images the " +
            $"data has, found {NValidation}");
        return errors;
    }

    private string Unused(string name) => (Model, ModelClass) switch
    {
        (_, { } model) => $"the model class {model.ClassName} does not declare it; it declares " +
            (model.Values.Count == 0 ? "no settings" : string.Join(", ", model.Values.Keys)),
        ({ } layers, _) => $"the model has no such layer and key; its layers: {string.Join(", ", layers.Layers.Select(l => l.Name))}",
        _ => "the run has no \"model\": a layer's values exist only in a layer list, a model's settings only with a model class",
    };
}

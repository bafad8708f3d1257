using Harness.Config.Settings;
using TorchSharp.Modules;

namespace Harness.Training.Optimizers;

/// <summary>
/// The optimizers a run can choose, the one place that knows which exist. Each is written as Keras 2.2.4's
/// keras/optimizers.py computes it (float32 throughout, Python's evaluation order), with Keras's defaults
/// (<c>epsilon=None</c> there means <c>K.epsilon()</c> = 1e-7).
/// </summary>
public static class OptimizerCatalog
{
    /// <summary>Every optimizer, in the order Keras's documentation lists them.</summary>
    public static IReadOnlyList<OptimizerDefinition> All { get; } =
    [
        new("sgd", "SGD(lr, momentum, nesterov)",
            Defaults(("learningRate", 0.01), ("momentum", 0), ("nesterov", 0)),
            (parameters, get, _) => new KerasSgd(parameters, (float)get("learningRate"), (float)get("momentum"), Flag(get("nesterov"), "nesterov"))),
        new("rmsprop", "RMSprop(lr, rho, epsilon)",
            Defaults(("learningRate", 0.001), ("rho", 0.9), ("epsilon", 1e-7)),
            (parameters, get, _) => new KerasRmsprop(parameters, (float)get("learningRate"), (float)get("rho"), (float)get("epsilon"))),
        new("adagrad", "Adagrad(lr, epsilon)",
            Defaults(("learningRate", 0.01), ("epsilon", 1e-7)),
            (parameters, get, _) => new KerasAdagrad(parameters, (float)get("learningRate"), (float)get("epsilon"))),
        new("adam", "Adam(lr, beta_1, beta_2, epsilon)",
            Defaults(("learningRate", 0.001), ("beta1", 0.9), ("beta2", 0.999), ("epsilon", 1e-7)),
            CreateAdam),
    ];

    /// <summary>The definition called <paramref name="name"/>, ignoring case, or null.</summary>
    public static OptimizerDefinition? Find(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The names for an error message: "sgd, rmsprop, adagrad or adam".</summary>
    public static string Names { get; } =
        $"{string.Join(", ", All.Take(All.Count - 1).Select(d => d.Name))} or {All[^1].Name}";

    /// <summary>Keras's Adam, or torch.optim.Adam under PyTorch semantics (ε after bias correction; Python's
    /// double-precision bias corrections).</summary>
    private static IOptimizer CreateAdam(IEnumerable<Parameter> parameters, Func<string, double> get, Semantics semantics) =>
        semantics switch
        {
            Semantics.Keras => new KerasAdam(parameters, (float)get("learningRate"), (float)get("beta1"), (float)get("beta2"), (float)get("epsilon")),
            Semantics.PyTorch => new TorchAdam(parameters, get("learningRate"), get("beta1"), get("beta2"), get("epsilon")),
            _ => throw new ArgumentOutOfRangeException(nameof(semantics), semantics, "Unknown semantics."),
        };

    /// <summary>A boolean hyperparameter carried as a number: 0 is false, 1 is true, anything else is refused.</summary>
    private static bool Flag(double value, string name) => value switch
    {
        0 => false,
        1 => true,
        _ => throw new ArgumentOutOfRangeException(name, value, $"{name} must be 0 (false) or 1 (true)."),
    };

    private static IReadOnlyDictionary<string, double> Defaults(params (string Name, double Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal).AsReadOnly();
}

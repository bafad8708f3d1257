using Harness.Settings;
using TorchSharp.Modules;

namespace Harness.Training.Optimizers;

/// <summary>
/// The implementation of each optimizer configuration names (<see cref="OptimizerSettings"/>, the one list of which exist and
/// their defaults), each written as Keras 2.2.4's keras/optimizers.py computes it (float32 throughout, Python's evaluation
/// order). An optimizer without an implementation here fails this type's initialisation, and a test.
/// </summary>
internal static class OptimizerCatalog
{
    private static readonly Dictionary<string, Func<IEnumerable<Parameter>, Func<string, double>, Semantics,
        IOptimizer>> Implementations = new()
    {
        ["sgd"] = (parameters, get, _) =>
            new KerasSgd(parameters, (float)get("learningRate"), (float)get("momentum"), Flag(get("nesterov"), "nesterov")),
        ["rmsprop"] = (parameters, get, _) =>
            new KerasRmsprop(parameters, (float)get("learningRate"), (float)get("rho"), (float)get("epsilon")),
        ["adagrad"] = (parameters, get, _) => new KerasAdagrad(parameters, (float)get("learningRate"), (float)get("epsilon")),
        // ρ and ε stay doubles: Keras's Adadelta computes 1 − ρ in Python's double precision.
        ["adadelta"] = (parameters, get, _) => new KerasAdadelta(parameters, get("learningRate"), get("rho"), get("epsilon")),
        ["adam"] = CreateAdam,
    };

    /// <summary>Every optimizer, in the order Keras's documentation lists them.</summary>
    public static IReadOnlyList<OptimizerDefinition> All { get; } =
        [.. OptimizerSettings.All.Select(o => new OptimizerDefinition(o.Name, o.Keras, o.Defaults,
        Implementations.TryGetValue(o.Name, out var create) ? create
            : throw new InvalidOperationException($"Optimizer '{o.Name}' has no implementation.")))];

    /// <summary>The definition called <paramref name="name"/>, ignoring case, or null.</summary>
    public static OptimizerDefinition? Find(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Values the run's optimizer keeps per weight (Adam's m and v: 2), read from the optimizer itself, built over no
    /// parameters.</summary>
    public static int Slots(RunConfig config)
    {
        var definition = Find(config.Optimizer)
            ?? throw new ArgumentException($"Unknown optimizer '{config.Optimizer}'; expected {Names}.", nameof(config));
        return ((SlotOptimizer)definition.Create([], config.Hyperparameter, config.Semantics)).SlotCount;
    }

    /// <summary>The names for an error message: "sgd, rmsprop, adagrad, adadelta or adam".</summary>
    public static string Names => OptimizerSettings.Names;

    /// <summary>Keras's Adam, or torch.optim.Adam under PyTorch semantics (ε after bias correction; Python's
    /// double-precision bias corrections).</summary>
    private static IOptimizer CreateAdam(IEnumerable<Parameter> parameters, Func<string, double> get, Semantics semantics) =>
        semantics switch
        {
            Semantics.Keras =>
                new KerasAdam(parameters, (float)get("learningRate"), (float)get("beta1"), (float)get("beta2"), (float)get("epsilon")),
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
}

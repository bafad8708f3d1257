namespace Harness.Settings;

/// <summary>
/// The optimizers a run can choose, as configuration sees them: each one's name, how Keras 2.2.4 spells it, and the
/// hyperparameters it takes with Keras's defaults (<c>epsilon=None</c> there means <c>K.epsilon()</c> = 1e-7). The one list
/// of which optimizers exist; Training's <c>OptimizerCatalog</c> gives each its implementation, and a test fails when one
/// lacks it. Here rather than beside the implementations so that settings never depend on the trainer.
/// </summary>
/// <param name="Name">What a configuration writes (<c>"optimizer": "rmsprop"</c>), lower case.</param>
/// <param name="Keras">How Keras 2.2.4 spells it with the arguments it takes, for reports, e.g. <c>RMSprop(lr, rho, epsilon)</c>.</param>
/// <param name="Defaults">The hyperparameters the optimizer uses, by run-setting name (<c>learningRate</c>, <c>momentum</c>,
/// <c>nesterov</c>, <c>rho</c>, <c>beta1</c>, <c>beta2</c>, <c>epsilon</c>), with Keras 2.2.4's defaults. Booleans are 0 or 1.
/// A setting not listed here does not affect the optimizer.</param>
internal sealed record OptimizerSettings(string Name, string Keras, IReadOnlyDictionary<string, double> Defaults)
{
    /// <summary>Every optimizer, in the order Keras's documentation lists them.</summary>
    public static IReadOnlyList<OptimizerSettings> All { get; } =
    [
        new("sgd", "SGD(lr, momentum, nesterov)", Table(("learningRate", 0.01), ("momentum", 0), ("nesterov", 0))),
        new("rmsprop", "RMSprop(lr, rho, epsilon)", Table(("learningRate", 0.001), ("rho", 0.9), ("epsilon", 1e-7))),
        new("adagrad", "Adagrad(lr, epsilon)", Table(("learningRate", 0.01), ("epsilon", 1e-7))),
        new("adadelta", "Adadelta(lr, rho, epsilon)", Table(("learningRate", 1.0), ("rho", 0.95), ("epsilon", 1e-7))),
        new("adam", "Adam(lr, beta_1, beta_2, epsilon)",
            Table(("learningRate", 0.001), ("beta1", 0.9), ("beta2", 0.999), ("epsilon", 1e-7))),
    ];

    /// <summary>The optimizer called <paramref name="name"/>, ignoring case, or null.</summary>
    public static OptimizerSettings? Find(string name) =>
        All.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The names for an error message: "sgd, rmsprop, adagrad, adadelta or adam".</summary>
    public static string Names { get; } = $"{string.Join(", ", All.Take(All.Count - 1).Select(o => o.Name))} or {All[^1].Name}";

    private static IReadOnlyDictionary<string, double> Table(params (string Name, double Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal).AsReadOnly();
}

using Harness.Settings;
using TorchSharp.Modules;

namespace Harness.Training.Optimizers;

/// <summary>
/// One optimizer a run can choose (see <see cref="OptimizerCatalog"/>).
/// </summary>
/// <param name="Name">What a configuration writes (<c>"optimizer": "rmsprop"</c>), lower case.</param>
/// <param name="Keras">How Keras 2.2.4 spells it with the arguments it takes, for reports, e.g. <c>RMSprop(lr, rho, epsilon)</c>.</param>
/// <param name="Defaults">The hyperparameters the optimizer uses, by run-setting name (<c>learningRate</c>, <c>momentum</c>,
/// <c>nesterov</c>, <c>rho</c>, <c>beta1</c>, <c>beta2</c>, <c>epsilon</c>), with Keras 2.2.4's defaults. Booleans are 0 or 1.
/// A setting not listed here does not affect the optimizer.</param>
/// <param name="Create">Builds the optimizer over the parameters, with a lookup that answers every name in
/// <paramref name="Defaults"/> (the caller applies the defaults and any semantics-specific values, such as ε = 1e-8
/// for PyTorch) and the run's semantics. Only Adam has a PyTorch variant; the others follow Keras's formulas under
/// either semantics. Invalid values throw <see cref="ArgumentOutOfRangeException"/>.</param>
internal sealed record OptimizerDefinition(
    string Name,
    string Keras,
    IReadOnlyDictionary<string, double> Defaults,
    Func<IEnumerable<Parameter>, Func<string, double>, Semantics, IOptimizer> Create);

using Harness.Training.Optimizers;

namespace Harness.Tests.Unit.Training.Optimizers;

/// <summary>The optimizers' constructors refuse values whose float32 updates would be meaningless, naming the argument.</summary>
public sealed class HyperparameterRangeTests
{
    private static IEnumerable<TestCaseData> Invalid()
    {
        yield return Case("sgd lr 0", "learningRate", () => new KerasSgd([], 0f, 0f, false));
        yield return Case("sgd lr NaN", "learningRate", () => new KerasSgd([], float.NaN, 0f, false));
        yield return Case("sgd momentum -0.1", "momentum", () => new KerasSgd([], 0.01f, -0.1f, false));
        yield return Case("sgd momentum 1.5", "momentum", () => new KerasSgd([], 0.01f, 1.5f, false));
        yield return Case("rmsprop rho 1", "rho", () => new KerasRmsprop([], 0.001f, 1f, 1e-7f));
        yield return Case("rmsprop epsilon 0", "epsilon", () => new KerasRmsprop([], 0.001f, 0.9f, 0f));
        yield return Case("adagrad lr -1", "learningRate", () => new KerasAdagrad([], -1f, 1e-7f));
        yield return Case("adagrad epsilon inf", "epsilon", () => new KerasAdagrad([], 0.01f, float.PositiveInfinity));
        yield return Case("adadelta rho 1", "rho", () => new KerasAdadelta([], 1.0, 1.0, 1e-7));
        yield return Case("adadelta epsilon 0", "epsilon", () => new KerasAdadelta([], 1.0, 0.95, 0));
        yield return Case("keras adam beta1 1", "beta1", () => new KerasAdam([], 0.001f, 1f, 0.999f, 1e-7f));
        yield return Case("keras adam beta2 -0.5", "beta2", () => new KerasAdam([], 0.001f, 0.9f, -0.5f, 1e-7f));
        yield return Case("torch adam epsilon 0", "epsilon", () => new TorchAdam([], 0.001, 0.9, 0.999, 0));
    }

    [TestCaseSource(nameof(Invalid))]
    public void Out_of_range_values_are_refused(string parameter, Func<object> create) =>
        Assert.That(() => create(), Throws.TypeOf<ArgumentOutOfRangeException>()
            .With.Property(nameof(ArgumentOutOfRangeException.ParamName)).EqualTo(parameter));

    [Test]
    public void Boundary_values_are_accepted()
    {
        Assert.That(() => new KerasSgd([], 1e-6f, 0f, false), Throws.Nothing);
        Assert.That(() => new KerasSgd([], 0.01f, 1f, true), Throws.Nothing);
        Assert.That(() => new KerasRmsprop([], 0.001f, 0f, 1e-7f), Throws.Nothing);
        Assert.That(() => new KerasAdam([], 0.001f, 0f, 0f, 1e-7f), Throws.Nothing);
    }

    private static TestCaseData Case(string display, string parameter, Func<object> create) =>
        new TestCaseData(parameter, create).SetArgDisplayNames(display);
}

using Harness.Settings;
using Harness.Training.Optimizers;
using TorchSharp;
using TorchSharp.Modules;

namespace Harness.Tests.Unit.Training.Optimizers;

/// <summary>The catalogue: which optimizers exist, their Keras 2.2.4 defaults, and that each builds the right one.</summary>
internal sealed class OptimizerCatalogTests
{
    // keras/optimizers.py 2.2.4 signatures (epsilon=None means K.epsilon() = 1e-7):
    //   SGD(lr=0.01, momentum=0., decay=0., nesterov=False)
    //   RMSprop(lr=0.001, rho=0.9, epsilon=None, decay=0.)
    //   Adagrad(lr=0.01, epsilon=None, decay=0.)
    //   Adadelta(lr=1.0, rho=0.95, epsilon=None, decay=0.)
    //   Adam(lr=0.001, beta_1=0.9, beta_2=0.999, epsilon=None, decay=0., amsgrad=False)
    private static readonly Dictionary<string, Dictionary<string, double>> KerasDefaults = new()
    {
        ["sgd"] = new() { ["learningRate"] = 0.01, ["momentum"] = 0, ["nesterov"] = 0 },
        ["rmsprop"] = new() { ["learningRate"] = 0.001, ["rho"] = 0.9, ["epsilon"] = 1e-7 },
        ["adagrad"] = new() { ["learningRate"] = 0.01, ["epsilon"] = 1e-7 },
        ["adadelta"] = new() { ["learningRate"] = 1.0, ["rho"] = 0.95, ["epsilon"] = 1e-7 },
        ["adam"] = new() { ["learningRate"] = 0.001, ["beta1"] = 0.9, ["beta2"] = 0.999, ["epsilon"] = 1e-7 },
    };

    // One step from p = 0 with g = 1 and the defaults (PyTorch's Adam with ε = 1e-8), worked out in float64:
    //   sgd      −0.01
    //   rmsprop  a = 0.1:  −0.001 / (√0.1 + 1e-7)                          = −0.0031622766601686956
    //   adagrad  a = 1:    −0.01 / (1 + 1e-7)                              = −0.0099999990000001
    //   adadelta a = 0.05: −1.0 · √(0 + 1e-7) / √(0.05 + 1e-7)             = −0.001414212148161654
    //   adam     lr_t = 0.001·√0.001/0.1; −lr_t·0.1 / (√0.001 + 1e-7)      = −0.0009999968377323405
    //   torch    −(0.001/0.1)·0.1 / (√0.001/√0.001 + 1e-8)                 = −0.000999999990000001
    private static IEnumerable<TestCaseData> Creations()
    {
        yield return new TestCaseData("sgd", Semantics.Keras, typeof(KerasSgd), -0.01).SetArgDisplayNames("sgd");
        yield return new TestCaseData("rmsprop", Semantics.Keras, typeof(KerasRmsprop), -0.0031622766601686956)
            .SetArgDisplayNames("rmsprop");
        yield return new TestCaseData("adagrad", Semantics.Keras, typeof(KerasAdagrad), -0.0099999990000001).SetArgDisplayNames("adagrad");
        yield return new TestCaseData("adadelta", Semantics.Keras, typeof(KerasAdadelta), -0.001414212148161654)
            .SetArgDisplayNames("adadelta");
        yield return new TestCaseData("adam", Semantics.Keras, typeof(KerasAdam), -0.0009999968377323405).SetArgDisplayNames("adam keras");
        yield return new TestCaseData("adam", Semantics.PyTorch, typeof(TorchAdam), -0.000999999990000001)
            .SetArgDisplayNames("adam pytorch");
        // Keras's formulas whatever the semantics: only Adam has a PyTorch variant.
        yield return new TestCaseData("rmsprop", Semantics.PyTorch, typeof(KerasRmsprop), -0.0031622766601686956)
            .SetArgDisplayNames("rmsprop pytorch");
    }

    [TestCaseSource(nameof(Creations))]
    public void Every_definition_creates_its_optimizer_from_its_defaults(string name, Semantics semantics, Type type, double firstStep)
    {
        var definition = OptimizerCatalog.Find(name)!;
        var asked = new List<string>();
        double Get(string key)
        {
            asked.Add(key);
            return semantics == Semantics.PyTorch && key == "epsilon" ? 1e-8 : definition.Defaults[key];
        }

        var parameter = new Parameter(torch.tensor(new[] { 0f }));
        var optimizer = definition.Create([parameter], Get, semantics);
        parameter.grad = torch.tensor(new[] { 1f });
        optimizer.Step();

        Assert.That(optimizer, Is.TypeOf(type));
        Assert.That(asked, Is.EquivalentTo(definition.Defaults.Keys), "Create reads exactly the hyperparameters it declares");
        Assert.That(parameter.data<float>()[0], Is.EqualTo(firstStep).Within(OptimizerSteps.Tolerance(firstStep)));
    }

    [Test]
    public void Every_definition_is_tested() =>
        Assert.That(OptimizerCatalog.All.Select(d => d.Name), Is.EquivalentTo(KerasDefaults.Keys));

    [Test]
    public void Names_are_unique_ignoring_case() =>
        Assert.That(OptimizerCatalog.All.Select(d => d.Name.ToLowerInvariant()), Is.Unique);

    [Test]
    public void Names_are_lower_case() =>
        Assert.That(OptimizerCatalog.All.Select(d => d.Name), Is.All.Matches<string>(n => n is not null && n == n.ToLowerInvariant()));

    [TestCase("sgd")]
    [TestCase("rmsprop")]
    [TestCase("adagrad")]
    [TestCase("adadelta")]
    [TestCase("adam")]
    public void Defaults_are_keras_2_2_4s(string name) =>
        Assert.That(OptimizerCatalog.Find(name)!.Defaults, Is.EquivalentTo(KerasDefaults[name]));

    [Test]
    public void Find_ignores_case_and_answers_null_for_unknown_names()
    {
        Assert.That(OptimizerCatalog.Find("RMSprop")?.Name, Is.EqualTo("rmsprop"));
        Assert.That(OptimizerCatalog.Find("ADAM")?.Name, Is.EqualTo("adam"));
        Assert.That(OptimizerCatalog.Find("adamw"), Is.Null);
        Assert.That(OptimizerCatalog.Find(""), Is.Null);
    }

    [Test]
    public void Names_lists_every_optimizer_for_error_messages() =>
        Assert.That(OptimizerCatalog.Names, Is.EqualTo("sgd, rmsprop, adagrad, adadelta or adam"));

    [Test]
    public void Keras_spellings_are_keras_class_names()
    {
        Assert.That(OptimizerCatalog.All.Select(d => d.Keras), Is.EqualTo(new[]
        {
            "SGD(lr, momentum, nesterov)", "RMSprop(lr, rho, epsilon)", "Adagrad(lr, epsilon)", "Adadelta(lr, rho, epsilon)",
            "Adam(lr, beta_1, beta_2, epsilon)",
        }));
    }

    [TestCase(0.5)]
    [TestCase(2)]
    [TestCase(-1)]
    public void Nesterov_must_be_0_or_1(double nesterov)
    {
        var sgd = OptimizerCatalog.Find("sgd")!;
        Assert.That(() => sgd.Create([], key => key == "nesterov" ? nesterov : sgd.Defaults[key], Semantics.Keras),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentOutOfRangeException.ParamName)).EqualTo("nesterov"));
    }

    [Test]
    public void Nesterov_1_turns_it_on()
    {
        var sgd = OptimizerCatalog.Find("sgd")!;
        var parameter = new Parameter(torch.tensor(new[] { 0f }));
        var optimizer =
            sgd.Create([parameter], key => key switch { "momentum" => 0.9, "nesterov" => 1, _ => sgd.Defaults[key] }, Semantics.Keras);
        parameter.grad = torch.tensor(new[] { 1f });
        optimizer.Step();

        // v = −0.01; Nesterov: 0 + 0.9·(−0.01) − 0.01 = −0.019 (plain momentum would give −0.01).
        Assert.That(parameter.data<float>()[0], Is.EqualTo(-0.019).Within(OptimizerSteps.Tolerance(-0.019)));
    }
}

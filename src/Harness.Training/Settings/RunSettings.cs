namespace Harness.Settings;

/// <summary>
/// Every run setting, in the order run ids name them (so today's ids read as they always have:
/// <c>layers-9_dropout-0.2_n-1000_seed-1</c>, then any setting away from its default). Adding a setting is one entry here
/// and one property on <see cref="RunConfig"/>; configuration, grid axes, claim filters, run ids, result files, the CSV,
/// the figures and <c>harness run</c> all read this list.
/// </summary>
internal static class RunSettings
{
    /// <summary>A run left as it is: each setting's default is <see cref="RunConfig"/>'s initial value, written there once.</summary>
    private static readonly RunConfig Defaults = new();

    // A setting's value travels untyped (a grid's values, a claim's filter, a C# model's settings declared at run time), so
    // these two are the one place it is unboxed: each definition below reads and writes its own type, as its Kind parses it.
    private static Func<RunConfig, object, RunConfig> Setter<T>(Func<RunConfig, T, RunConfig> set) => (r, v) => set(r, (T)v);
    private static Func<object, bool> Check<T>(Func<T, bool> check) => v => check((T)v);

    private static readonly Func<object, bool> Positive = Check<double>(v => v > 0);
    private static readonly Func<object, bool> AtLeast1 = Check<int>(v => v >= 1);
    private static readonly Func<object, bool> Fraction = Check<double>(v => v is >= 0 and < 1);

    public static readonly RunSetting Layers = new()
    {
        Name = "layers", Token = "layers", FileKey = "layers", Kind = SettingKind.Integer, AlwaysInId = true,
        Description = "hidden Dense+ReLU blocks", InRange = Check<int>(v => v is >= 1 and <= 1000), Expected = "an integer in [1, 1000]",
        Get = r => r.IsMlp ? r.Layers : null, Set = Setter<int>((r, v) => r with { Layers = v }),
        Default = r => r.IsMlp ? Defaults.Layers : null,
    };

    public static readonly RunSetting Dropout = new()
    {
        Name = "dropout", Token = "dropout", FileKey = "dropout", Kind = SettingKind.Number, AlwaysInId = true,
        Description = "dropout rate after each hidden block (0: none)", InRange = Fraction, Expected = "a number in [0, 1)",
        Get = r => r.IsMlp ? r.Dropout : null, Set = Setter<double>((r, v) => r with { Dropout = v }),
        Default = r => r.IsMlp ? Defaults.Dropout : null,
    };

    public static readonly RunSetting NTrain = new()
    {
        Name = "nTrain", Token = "n", FileKey = "n_train", Kind = SettingKind.Integer, AlwaysInId = true,
        Description = "training images: the first n of the training set", InRange = AtLeast1, Expected = "an integer >= 1",
        Get = r => r.NTrain, Set = Setter<int>((r, v) => r with { NTrain = v }), Default = _ => Defaults.NTrain,
    };

    public static readonly RunSetting NValidation =
        Integer("nValidation", "nval", "n_validation", "validation images: the first n of the test set",
        r => r.NValidation, (r, v) => r with { NValidation = v }, AtLeast1, "an integer >= 1");

    public static readonly RunSetting Epochs = Integer("epochs", "epochs", "epochs", "passes over the training set",
        r => r.Epochs, (r, v) => r with { Epochs = v }, AtLeast1, "an integer >= 1");

    public static readonly RunSetting BatchSize =
        Integer("batchSize", "batch", "batch_size", "samples per update (and per validation batch)",
        r => r.BatchSize, (r, v) => r with { BatchSize = v }, AtLeast1, "an integer >= 1");

    public static readonly RunSetting Width = new()
    {
        Name = "width", Token = "width", FileKey = "width", Kind = SettingKind.Integer, Description = "units per hidden Dense layer",
        InRange = AtLeast1, Expected = "an integer >= 1",
        Get = r => r.IsMlp ? r.Width : null, Set = Setter<int>((r, v) => r with { Width = v }),
        Default = r => r.IsMlp ? Defaults.Width : null,
    };

    /// <summary>The MLP's settings: the shorthand for a layer list, unused by a run with a <c>"model"</c> of its own.</summary>
    public static IReadOnlyList<RunSetting> MlpShorthand => [Layers, Dropout, Width];

    public static readonly RunSetting Optimizer = new()
    {
        Name = "optimizer", Token = "optimizer", FileKey = "optimizer", Kind = SettingKind.Choice,
        Choices = OptimizerSettings.All.Select(o => o.Name).ToList(), Expected = OptimizerSettings.Names,
        Description = "Keras 2.2.4 optimizer, with its own hyperparameters",
        Get = r => r.Optimizer, Set = Setter<string>((r, v) => r with { Optimizer = v }), Default = _ => Defaults.Optimizer,
    };

    public static readonly RunSetting LearningRate = Hyperparameter("learningRate", "lr", "learning_rate", "step size (lr)",
        r => r.LearningRate, (r, v) => r with { LearningRate = v }, Positive, "a number > 0");

    public static readonly RunSetting Momentum = Hyperparameter("momentum", "momentum", "momentum", "SGD momentum",
        r => r.Momentum, (r, v) => r with { Momentum = v }, Fraction, "a number in [0, 1)");

    public static readonly RunSetting Nesterov = new()
    {
        Name = "nesterov", Token = "nesterov", FileKey = "nesterov", Kind = SettingKind.Boolean, IsHyperparameter = true,
        Description = "SGD with Nesterov momentum", Expected = "true or false",
        Get = r => r.Nesterov, Set = Setter<bool>((r, v) => r with { Nesterov = v }),
        Default = r => HyperparameterDefault(r, "nesterov") is { } d ? d != 0 : null,
    };

    public static readonly RunSetting Rho = Hyperparameter("rho", "rho", "rho", "RMSprop's and Adadelta's decay of their running averages",
        r => r.Rho, (r, v) => r with { Rho = v }, Check<double>(v => v is > 0 and < 1), "a number in (0, 1)");

    public static readonly RunSetting Beta1 = Hyperparameter("beta1", "beta1", "beta_1", "Adam's first-moment decay",
        r => r.Beta1, (r, v) => r with { Beta1 = v }, Fraction, "a number in [0, 1)");

    public static readonly RunSetting Beta2 = Hyperparameter("beta2", "beta2", "beta_2", "Adam's second-moment decay",
        r => r.Beta2, (r, v) => r with { Beta2 = v }, Fraction, "a number in [0, 1)");

    public static readonly RunSetting Epsilon = Hyperparameter("epsilon", "eps", "epsilon", "the ε that keeps a division finite",
        r => r.Epsilon, (r, v) => r with { Epsilon = v }, Positive, "a number > 0");

    public static readonly RunSetting Semantics = new()
    {
        Name = "semantics", Token = "semantics", FileKey = "semantics", Kind = SettingKind.Choice, Choices = ["keras", "pytorch"],
        Description = "keras (Keras 2.2.4 on TF 1.x) or pytorch (torch.optim.Adam and F.cross_entropy)", Expected = "keras or pytorch",
        Get = r => r.Semantics.ToString().ToLowerInvariant(),
        Set = Setter<string>((r, v) => r with { Semantics = Enum.Parse<Settings.Semantics>(v, ignoreCase: true) }),
        Default = _ => Defaults.Semantics.ToString().ToLowerInvariant(),
    };

    /// <summary>Not an axis (grids give seeds as <c>"seeds"</c>) but a run setting all the same.</summary>
    public static readonly RunSetting Seed = new()
    {
        Name = "seed", Token = "seed", FileKey = "seed", Kind = SettingKind.Integer, IsAxis = false,
        Description = "the run's seed: initialisation, shuffling and dropout streams", InRange = Check<int>(v => v >= 0),
        Expected = "an integer >= 0",
        Get = r => r.Seed, Set = Setter<int>((r, v) => r with { Seed = v }), Default = _ => Defaults.Seed,
    };

    /// <summary>In run-id order; the seed last, as ids end with it.</summary>
    public static readonly IReadOnlyList<RunSetting> All =
        [Layers, Dropout, NTrain, NValidation, Epochs, BatchSize, Width, Optimizer, LearningRate, Momentum, Nesterov, Rho, Beta1,
            Beta2, Epsilon, Semantics, Seed];

    public static IReadOnlyList<RunSetting> Axes => All.Where(s => s.IsAxis).ToList();

    /// <summary>Every setting <paramref name="runs"/> have: the built-in ones, with each layer value any of them sets
    /// (<c>conv2d_1.filters</c>, by name) before the seed. What "every other setting" means when runs are paired or grouped:
    /// runs that differ in a layer's value are never taken for the same configuration.</summary>
    public static IReadOnlyList<RunSetting> Of(IEnumerable<RunConfig> runs) =>
    [
        .. All.Where(s => s != Seed),
        .. runs.SelectMany(r => r.LayerValues.Values.Keys).Distinct().Order(StringComparer.Ordinal).Select(FindValue)
            .OfType<RunSetting>(),
        Seed,
    ];

    public static int IndexOf(RunSetting setting)
    {
        for (var i = 0; i < All.Count; i++)
            if (All[i] == setting) return i;
        return -1;
    }

    /// <summary>The effective values of <paramref name="settings"/>, joined: runs with equal keys agree on all of them.</summary>
    public static string Key(RunConfig run, IEnumerable<RunSetting> settings) =>
        string.Join('_', settings.Select(s => RunSetting.Format(s.Effective(run))));

    /// <summary>Orders runs setting by setting, in the order given (numbers numerically): the same order on every machine.</summary>
    public static IComparer<RunConfig> Order(IReadOnlyList<RunSetting> settings) => Comparer<RunConfig>.Create((x, y) =>
        settings.Select(s => RunSetting.Compare(s.Effective(x), s.Effective(y))).FirstOrDefault(c => c != 0));

    /// <summary>The setting called <paramref name="name"/> (ignoring case), or a layer's value (<c>conv2d_1.filters</c>,
    /// <see cref="LayerSettings"/>), or null.</summary>
    public static RunSetting? Find(string name) =>
        All.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) ?? FindValue(name);

    /// <summary>A value a run sets away from its declared model: a layer's (<c>conv2d_1.filters</c>) or a C# model's setting
    /// (<c>hidden</c>).</summary>
    public static RunSetting? FindValue(string name) => LayerSettings.Find(name) ?? ModelSettings.Find(name);

    /// <summary>Whether <paramref name="setting"/> is a declared model's value (<see cref="FindValue"/>) rather than built in.</summary>
    public static bool IsValue(RunSetting setting) => LayerSettings.IsLayerSetting(setting) || ModelSettings.IsModelSetting(setting);

    public static string Names => string.Join(", ", All.Select(s => s.Name));

    /// <summary>Everything but the seed: <c>layers-9_dropout-0.2_n-1000</c>, plus every setting away from its default, then
    /// every layer value away from the declared model's (<c>conv2d_1.filters-16</c>).</summary>
    public static string ConfigurationId(RunConfig run) => string.Join('_',
        All.Where(s => s != Seed).Concat(run.LayerValues.Values.Keys.Select(FindValue).OfType<RunSetting>())
            .Where(s => InId(s, run)).Select(s => $"{s.Token}-{RunSetting.Format(s.Effective(run))}"));

    public static string RunId(RunConfig run) => $"{ConfigurationId(run)}_seed-{RunSetting.Format(run.Seed)}";

    private static bool InId(RunSetting setting, RunConfig run) =>
        (setting.AlwaysInId && setting.Effective(run) is not null) ||
        (setting.Get(run) is { } value && !RunSetting.SameValue(value, setting.Default(run)));

    /// <summary>
    /// The hyperparameter's default under the run's optimizer, or null when that optimizer does not use it. One exception
    /// to the catalogue: torch.optim.Adam's ε is 1e-8, so PyTorch semantics change Adam's default.
    /// </summary>
    public static double? HyperparameterDefault(RunConfig run, string name)
    {
        if (OptimizerSettings.Find(run.Optimizer) is not { } optimizer || !optimizer.Defaults.TryGetValue(name, out var value)) return null;
        return name == "epsilon" && run.Semantics == Settings.Semantics.PyTorch && optimizer.Name == "adam" ? 1e-8 : value;
    }

    /// <summary>"rmsprop uses learningRate, rho, epsilon": for the error that names a hyperparameter its optimizer ignores.</summary>
    public static string UsedBy(string optimizer) => OptimizerSettings.Find(optimizer) is { } o
        ? $"{o.Name} uses {string.Join(", ", All.Where(s => s.IsHyperparameter && o.Defaults.ContainsKey(s.Name)).Select(s => s.Name))}"
        : $"expected an optimizer among {OptimizerSettings.Names}";

    private static RunSetting Integer(string name, string token, string fileKey, string description,
        Func<RunConfig, int> get, Func<RunConfig, int, RunConfig> set, Func<object, bool> inRange, string expected) => new()
    {
        Name = name, Token = token, FileKey = fileKey, Kind = SettingKind.Integer, Description = description, InRange =
            inRange, Expected = expected,
        Get = r => get(r), Set = Setter(set), Default = _ => get(Defaults),
    };

    private static RunSetting Hyperparameter(string name, string token, string fileKey, string description,
        Func<RunConfig, double?> get, Func<RunConfig, double, RunConfig> set, Func<object, bool> inRange, string expected) => new()
    {
        Name = name, Token = token, FileKey = fileKey, Kind = SettingKind.Number, IsHyperparameter = true,
        Description = description, InRange = inRange, Expected = expected,
        Get = r => get(r), Set = Setter(set), Default = r => HyperparameterDefault(r, name),
    };
}

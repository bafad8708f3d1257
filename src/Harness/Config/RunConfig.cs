using System.Globalization;

namespace Harness.Config;

/// <summary>
/// Every knob of one training run. The defaults are the tutorial's: Dense(512) blocks, Adam with Keras's
/// defaults, batch 128, 18 epochs, the first 1000 training and first 3000 test images of MNIST.
/// </summary>
public sealed record RunConfig
{
    public int Layers { get; init; } = 1;
    public double Dropout { get; init; }
    public int NTrain { get; init; } = 1000;
    public int NValidation { get; init; } = 3000;
    public int Seed { get; init; } = 1;
    public int Epochs { get; init; } = 18;
    public int BatchSize { get; init; } = 128;
    public int Width { get; init; } = 512;
    public double LearningRate { get; init; } = 0.001;
    public Semantics Semantics { get; init; } = Semantics.Keras;

    /// <summary>Adam's ε: Keras 2 uses 1e-7 (K.epsilon()), torch.optim.Adam 1e-8.</summary>
    public double Epsilon => Semantics == Semantics.Keras ? 1e-7 : 1e-8;

    public const double Beta1 = 0.9;
    public const double Beta2 = 0.999;

    /// <summary>
    /// Stable, file-safe id naming baselines, result files and tests alike, e.g.
    /// <c>layers-9_dropout-0.2_n-1000_seed-1</c>. Knobs left at their defaults are omitted, so the tutorial's
    /// runs keep short ids while a changed learning rate can never collide with them.
    /// </summary>
    public string RunId => $"{ConfigurationId}_seed-{Seed.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The id without the seed: what runs of the same configuration share.</summary>
    public string ConfigurationId
    {
        get
        {
            var defaults = new RunConfig();
            var parts = new List<string> { $"layers-{F(Layers)}", $"dropout-{F(Dropout)}", $"n-{F(NTrain)}" };
            if (NValidation != defaults.NValidation) parts.Add($"nval-{F(NValidation)}");
            if (Epochs != defaults.Epochs) parts.Add($"epochs-{F(Epochs)}");
            if (BatchSize != defaults.BatchSize) parts.Add($"batch-{F(BatchSize)}");
            if (Width != defaults.Width) parts.Add($"width-{F(Width)}");
            if (LearningRate != defaults.LearningRate) parts.Add($"lr-{F(LearningRate)}");
            if (Semantics != defaults.Semantics) parts.Add($"semantics-{Semantics.ToString().ToLowerInvariant()}");
            return string.Join('_', parts);
        }
    }

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    private static string F(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every problem at once, each naming the knob, what is allowed and what was found.</summary>
    public IReadOnlyList<string> Validate(int trainingSetSize = 60000, int validationSetSize = 10000)
    {
        var errors = new List<string>();
        void Check(bool ok, string knob, string allowed, object found)
        {
            if (!ok) errors.Add($"{knob}: expected {allowed}, found {Convert.ToString(found, CultureInfo.InvariantCulture)}");
        }
        Check(Layers >= 1, "layers", "an integer >= 1", Layers);
        Check(Dropout >= 0 && Dropout < 1, "dropout", "a number in [0, 1)", Dropout);
        Check(NTrain >= 1 && NTrain <= trainingSetSize, "n-train", $"an integer in [1, {trainingSetSize}]", NTrain);
        Check(NValidation >= 1 && NValidation <= validationSetSize, "n-validation", $"an integer in [1, {validationSetSize}]", NValidation);
        Check(Seed >= 0, "seed", "an integer >= 0", Seed);
        Check(Epochs >= 1, "epochs", "an integer >= 1", Epochs);
        Check(BatchSize >= 1, "batch-size", "an integer >= 1", BatchSize);
        Check(Width >= 1, "width", "an integer >= 1", Width);
        Check(LearningRate > 0 && double.IsFinite(LearningRate), "learning-rate", "a finite number > 0", LearningRate);
        Check(Enum.IsDefined(Semantics), "semantics", "keras or pytorch", Semantics);
        return errors;
    }
}

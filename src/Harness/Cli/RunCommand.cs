using System.Globalization;
using Harness.Config;
using Harness.Config.Settings;
using Harness.Data;
using Harness.History;
using Harness.Native;
using Harness.Training;

namespace Harness.Cli;

/// <summary><c>harness run</c>: one training run, a Keras-like line per epoch, and <c>DIR/&lt;run-id&gt;.json</c>.</summary>
public static class RunCommand
{
    public static readonly string[] Options =
        ["layers", "dropout", "n-train", "n-validation", "seed", "epochs", "batch-size", "width", "learning-rate", "semantics", "numerics", "out", "data-dir"];

    public static int Execute(IReadOnlyList<string> args, TextWriter output)
    {
        var options = new CommandOptions("run", args, Options);
        var defaults = new RunConfig();
        var config = new RunConfig
        {
            Layers = options.Int("layers", defaults.Layers),
            Dropout = options.Double("dropout", defaults.Dropout),
            NTrain = options.Int("n-train", defaults.NTrain),
            NValidation = options.Int("n-validation", defaults.NValidation),
            Seed = options.Int("seed", defaults.Seed),
            Epochs = options.Int("epochs", defaults.Epochs),
            BatchSize = options.Int("batch-size", defaults.BatchSize),
            Width = options.Int("width", defaults.Width),
            LearningRate = args.Contains("--learning-rate") ? options.Double("learning-rate", 0) : null,
            Semantics = options.Enum("semantics", defaults.Semantics),
        };
        var outDir = options.String("out", Path.Combine("artifacts", "runs"))!;
        var numerics = options.Numerics() ?? NumericsProfile.Default;
        options.ThrowIfInvalid();
        TorchRuntime.Initialize(numerics);

        var dataset = ImageDataset.Load(DataLocator.Locate(options.String("data-dir"), MnistFiles.All));
        foreach (var error in config.Validate(dataset.TrainCount, dataset.TestCount)) options.AddError("--" + error);
        options.ThrowIfInvalid();

        output.WriteLine($"Run {config.RunId}: train on {config.NTrain}, validate on {config.NValidation}");
        var result = Trainer.Train(config, dataset.FirstN(config.NTrain, config.NValidation),
            new TrainingObserver(OnEpoch: epoch => output.WriteLine(KerasLine(epoch, config.Epochs))));
        var path = RunResultJson.Write(outDir, result);
        output.WriteLine($"{result.Seconds.ToString("0.0", CultureInfo.InvariantCulture)} s; wrote {path}");
        return 0;
    }

    /// <summary>As Keras's fit(verbose=2) prints an epoch.</summary>
    public static string KerasLine(EpochMetrics e, int epochs) => string.Create(CultureInfo.InvariantCulture,
        $"Epoch {e.Epoch}/{epochs} - loss: {e.Loss:0.0000} - acc: {e.Acc:0.0000} - val_loss: {e.ValLoss:0.0000} - val_acc: {e.ValAcc:0.0000}");
}

using System.CommandLine;
using System.Globalization;
using Harness.Settings;
using Harness.Data;
using Harness.History;
using Harness.Native;
using Harness.Store;
using Harness.Training;
using Harness.Runs;

namespace Harness.Cli;

/// <summary>
/// <c>harness run</c>: one training run, a Keras-like line per epoch, and <c>DIR/&lt;run-id&gt;.json</c>. The run store is read
/// and filled as <c>reproduce</c> does (<see cref="StoreOptions"/>): a run stored by an earlier run or reproduce, with the same
/// training code, data and numerics, is read (its epochs printed as stored) rather than trained.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var settings = new RunSettingOptions();
        var numerics = CommonOptions.Numerics(NumericsProfile.Default.Name);
        var outDir = CommonOptions.Out(Path.Combine("artifacts", "runs"), "where <run-id>.json is written");
        var dataDir = CommonOptions.DataDirectory();
        var store = new StoreOptions();
        var command = new Command("run", "Train one network and write its history; every run setting is an option.");
        foreach (var option in settings.Options) command.Add(option);
        command.Add(numerics);
        command.Add(outDir);
        command.Add(dataDir);
        store.AddTo(command, maintenance: false);
        command.SetAction(parsed => Execute(settings.Apply(parsed), parsed.GetValue(numerics) ?? NumericsProfile.Default,
            parsed.GetValue(outDir)!, parsed.GetValue(dataDir), parsed.InvocationConfiguration.Output, store.Read(parsed),
            parsed.InvocationConfiguration.Error));
        return command;
    }

    /// <param name="store">Which run store to read and fill, if any.</param>
    /// <param name="error">Where the run store's warnings go.</param>
    public static int Execute(RunConfig config, NumericsProfile numerics, string outDir, string? dataDir, TextWriter output,
        StoreOptions.Request store, TextWriter error)
    {
        // Settings that conflict (a hyperparameter the optimizer ignores) are refused before libtorch or the data load;
        // the data's size can only be checked once it has.
        ThrowIfInvalid(RunSettingOptions.Errors(config, int.MaxValue, int.MaxValue));
        OutDirectoryCheck.ThrowIfUnwritable(outDir, () => Report.ReportDirectory.Probe(outDir));
        var runStore = store.Open();
        Leftovers.Remove(output);
        TorchRuntime.Initialize(numerics);
        var dataset = ImageDataset.Load(DataLocator.Locate(dataDir, MnistFiles.All));
        ThrowIfInvalid(RunSettingOptions.Errors(config, dataset.TrainCount, dataset.TestCount));
        ThrowIfInvalid(MemoryCheck.Problems([config], dataset.Shape, workers: 1));

        var stored = runStore is null ? null : new StoredRuns(runStore, dataset, error);
        output.WriteLine($"Run {config.RunId}: train on {config.NTrain}, validate on {config.NValidation}");
        // The pool reads the store, or trains and stores, under the store's lock: as reproduce does, with one worker.
        using var pool = new RunPool(_ => dataset.FirstN(config.NTrain, config.NValidation), workers: 1,
            _ => new TrainingObserver(OnEpoch: epoch => output.WriteLine(KerasLine(epoch, config.Epochs))), stored);
        var result = pool.Run(config).GetAwaiter().GetResult();
        var path = RunResultJson.Write(outDir, result);
        var seconds = result.Seconds.ToString("0.0", CultureInfo.InvariantCulture);
        output.WriteLine(stored is null ? $"{seconds} s; wrote {path} (run store not used)"
            : stored.WasReused(config.RunId)
                ? $"Read from the run store {runStore!.Root} (trained in {seconds} s), not trained; wrote {path}"
            : $"{seconds} s; wrote {path} and stored the run in the run store {runStore!.Root}");
        return ExitCodes.Done;
    }

    /// <summary>As Keras's fit(verbose=2) prints an epoch.</summary>
    public static string KerasLine(EpochMetrics e, int epochs) => string.Create(CultureInfo.InvariantCulture,
        $"Epoch {e.Epoch}/{epochs} - loss: {e.Loss:0.0000} - acc: {e.Acc:0.0000} - val_loss: {e.ValLoss:0.0000} " +
        $"- val_acc: {e.ValAcc:0.0000}");

    private static void ThrowIfInvalid(IReadOnlyList<string> errors)
    {
        if (errors.Count > 0) throw UsageException.Of(errors);
    }
}

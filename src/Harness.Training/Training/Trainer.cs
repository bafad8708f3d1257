using System.Diagnostics;
using Harness.Settings;
using Harness.Data;
using Harness.History;
using Harness.Model;
using Harness.Native;
using Harness.Profiling;
using Harness.Training.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Harness.Training;

/// <summary>
/// Keras 2's <c>model.fit(x, y, batch_size, epochs, validation_data=(x_val, y_val))</c>, written out:
/// <list type="bullet">
/// <item>the training set is reshuffled at the start of every epoch (a fresh permutation from the run's
/// shuffle stream, so it differs from epoch to epoch);</item>
/// <item>batches of <c>BatchSize</c> in that order, the last partial batch kept (1000 = 7·128 + 104: 8 updates);</item>
/// <item>each batch's loss and accuracy come from its own forward pass, in training mode (dropout active),
/// before its update; the epoch's <c>loss</c>/<c>acc</c> are their sample-weighted average (BaseLogger);</item>
/// <item>at the end of the epoch, <c>val_loss</c>/<c>val_acc</c> over the whole validation set in inference
/// mode, evaluated in batches of <c>BatchSize</c> and averaged weighted by batch length (Keras's test_loop).</item>
/// </list>
/// Per-batch values are float32 (what the TF graph returns); the weighted sums are float64, as Python's are.
/// <para>Given a <see cref="RunProfile"/>, the run's time is lapped phase by phase (the <c>RunProfile</c> lines); without
/// one those lines do nothing.</para>
/// </summary>
internal static class Trainer
{
    public static RunResult Train(RunConfig config, DataSplit data, TrainingObserver? observer = null, RunProfile? profile = null)
    {
        TorchRuntime.ApplyToCurrentThread();
        var clock = Stopwatch.StartNew();
        using var profiling = RunProfile.Activate(profile);
        using var scope = NewDisposeScope();
        using var streams = RandomStreams.ForSeed(config.Seed);
        observer ??= TrainingObserver.None;
        observer.OnStart?.Invoke();

        var train = Tensors.From(data.Train);
        var validation = Tensors.From(data.Validation);
        using var model = config.ModelClass is null
            ? new KerasSequential(config.Network(data.Train.Classes), data.Train.Image, streams.Init, streams.Dropout)
            : ClassModelBuilder.Build(config, data.Train.Shape, streams.Init, streams.Dropout);
        var optimizer = CreateOptimizer(config, model);
        var loss = Loss.For(config.Semantics);
        RunProfile.Lap(Phase.Setup);

        var epochs = new List<EpochMetrics>(config.Epochs);
        for (var epoch = 1; epoch <= config.Epochs; epoch++)
        {
            var (trainLoss, trainAcc) = TrainEpoch(config, model, optimizer, loss, train, streams.Shuffle, epoch, observer.OnBatch);
            var (valLoss, valAcc) = Evaluate(config, model, loss, validation);
            var metrics = new EpochMetrics(epoch, trainLoss, trainAcc, valLoss, valAcc);
            epochs.Add(metrics);
            observer.OnEpoch?.Invoke(metrics);
            RunProfile.Lap(Phase.Other);
        }

        return new RunResult(config, EnvironmentFingerprint.Current(), TrainingHistory.From(epochs), clock.Elapsed.TotalSeconds);
    }

    private static (double Loss, double Acc) TrainEpoch(
        RunConfig config, nn.Module<Tensor, Tensor> model, IOptimizer optimizer, Loss loss, Tensors train, Generator shuffle, int epoch,
        Action<BatchMetrics>? onBatch)
    {
        model.train();
        using var order = randperm(train.Count, generator: shuffle);
        double lossSum = 0, accSum = 0;
        var batch = 0;
        for (var start = 0; start < train.Count; start += config.BatchSize, batch++)
        {
            using var step = NewDisposeScope();
            var size = Math.Min(config.BatchSize, train.Count - start);
            var indices = order.narrow(0, start, size);
            var (x, oneHot, labels) = train.Rows(indices);
            RunProfile.Lap(Phase.Batching);

            var (batchLoss, predicted) = loss.Evaluate(model.forward(x), oneHot, labels);
            var lossValue = batchLoss.item<float>();
            RunProfile.Lap(Phase.Loss);
            if (!float.IsFinite(lossValue)) throw new TrainingDivergedException(config.RunId, epoch, batch + 1, lossValue);
            var accValue = (float)predicted.eq(labels).sum().item<long>() / size;
            RunProfile.Lap(Phase.Metrics);

            model.zero_grad();
            RunProfile.Lap(Phase.Optimizer);
            RunProfile.BackwardStarts();
            batchLoss.backward();
            RunProfile.BackwardEnds();
            optimizer.Step();
            RunProfile.Lap(Phase.Optimizer);

            onBatch?.Invoke(new BatchMetrics(epoch, batch + 1, indices.data<long>().ToArray(), lossValue, accValue));
            lossSum += (double)lossValue * size;
            accSum += (double)accValue * size;
            RunProfile.Lap(Phase.Metrics);
        }
        return (lossSum / train.Count, accSum / train.Count);
    }

    private static (double Loss, double Acc) Evaluate(RunConfig config, nn.Module<Tensor, Tensor> model, Loss loss, Tensors validation)
    {
        model.eval();
        using var noGrad = no_grad();
        double lossSum = 0, accSum = 0;
        for (var start = 0; start < validation.Count; start += config.BatchSize)
        {
            using var step = NewDisposeScope();
            var size = Math.Min(config.BatchSize, validation.Count - start);
            var (x, oneHot, labels) = validation.Slice(start, size);
            var (batchLoss, predicted) = loss.Evaluate(model.forward(x), oneHot, labels);
            lossSum += (double)batchLoss.item<float>() * size;
            accSum += (double)((float)predicted.eq(labels).sum().item<long>() / size) * size;
            RunProfile.Lap(Phase.ValidationLoss);
        }
        return (lossSum / validation.Count, accSum / validation.Count);
    }

    /// <summary>The run's optimizer from the catalogue, every hyperparameter as set or at its Keras default.</summary>
    private static IOptimizer CreateOptimizer(RunConfig config, nn.Module<Tensor, Tensor> model)
    {
        var definition = OptimizerCatalog.Find(config.Optimizer)
            ?? throw new ArgumentException($"Unknown optimizer '{config.Optimizer}'; expected {OptimizerCatalog.Names}.", nameof(config));
        return definition.Create(model.parameters(), config.Hyperparameter, config.Semantics);
    }
}

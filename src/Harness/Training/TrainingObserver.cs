using Harness.History;

namespace Harness.Training;

/// <summary>Optional callbacks from a training run: progress displays use epochs, tests use batches.</summary>
public sealed record TrainingObserver(Action<EpochMetrics>? OnEpoch = null, Action<BatchMetrics>? OnBatch = null)
{
    public static TrainingObserver None { get; } = new();
}

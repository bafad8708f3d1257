using Harness.History;

namespace Harness.Training;

/// <summary>
/// Optional callbacks from a training run: progress displays use its start and epochs, tests use batches. A run read from
/// the run store has no start: only its epochs are told again.
/// </summary>
internal sealed record TrainingObserver(Action<EpochMetrics>? OnEpoch = null, Action<BatchMetrics>? OnBatch = null, Action? OnStart = null)
{
    public static TrainingObserver None { get; } = new();
}

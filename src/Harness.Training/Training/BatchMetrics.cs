namespace Harness.Training;

/// <summary>
/// What one training batch did, for observers: which samples, and its own loss and accuracy (float32, as the graph
/// returns them).
/// </summary>
/// <param name="Epoch">1-based.</param>
/// <param name="Batch">1-based within the epoch.</param>
/// <param name="Indices">Positions in the training set, in batch order.</param>
internal sealed record BatchMetrics(int Epoch, int Batch, long[] Indices, float Loss, float Acc);

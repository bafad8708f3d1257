namespace Harness.History;

/// <summary>One epoch's numbers, as Keras's History callback records them.</summary>
/// <param name="Epoch">1-based.</param>
internal sealed record EpochMetrics(int Epoch, double Loss, double Acc, double ValLoss, double ValAcc);

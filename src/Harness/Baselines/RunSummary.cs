using Harness.History;

namespace Harness.Baselines;

/// <summary>
/// The per-run summary statistics the ensemble tier compares across seeds. Final and best values and the
/// generalisation gap are far less chaotic than the per-epoch numbers: they summarise what a run achieved.
/// </summary>
public static class RunSummary
{
    public static IReadOnlyList<string> Names { get; } =
        ["final_val_loss", "best_val_loss", "final_val_acc", "best_val_acc", "final_loss", "final_acc", "gap"];

    public static IReadOnlyDictionary<string, double> Of(TrainingHistory history) => new Dictionary<string, double>
    {
        ["final_val_loss"] = history.ValLoss[^1],
        ["best_val_loss"] = history.ValLoss.Min(),
        ["final_val_acc"] = history.ValAcc[^1],
        ["best_val_acc"] = history.ValAcc.Max(),
        ["final_loss"] = history.Loss[^1],
        ["final_acc"] = history.Acc[^1],
        ["gap"] = Gap(history),
    };

    /// <summary>Generalisation gap: final val_loss − final loss.</summary>
    public static double Gap(TrainingHistory history) => history.ValLoss[^1] - history.Loss[^1];
}

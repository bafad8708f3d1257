using Harness.History;
using Harness.Metrics;

namespace Harness.Baselines;

/// <summary>
/// The per-run summary statistics the ensemble tier compares across seeds. Final and best values and the
/// generalisation gap are far less chaotic than the per-epoch numbers: they summarise what a run achieved.
/// </summary>
internal static class RunSummary
{
    public static IReadOnlyList<string> Names { get; } =
        ["final_val_loss", "best_val_loss", "final_val_acc", "best_val_acc", "final_loss", "final_acc", "gap"];

    public static IReadOnlyDictionary<string, double> Of(TrainingHistory history) =>
        Names.ToDictionary(name => name, name => RunMetrics.Compute(name, history));
}

using Harness.History;

namespace Harness.Metrics;

/// <summary>Named per-run numbers computed from a history: what baselines summarise and claims compare.</summary>
internal static class RunMetrics
{
    private static readonly Dictionary<string, Func<TrainingHistory, double>> Metrics = new()
    {
        ["final_val_loss"] = h => h.ValLoss[^1],
        ["best_val_loss"] = h => h.ValLoss.Min(),
        ["final_val_acc"] = h => h.ValAcc[^1],
        ["best_val_acc"] = h => h.ValAcc.Max(),
        ["final_loss"] = h => h.Loss[^1],
        ["final_acc"] = h => h.Acc[^1],
        ["gap"] = h => h.ValLoss[^1] - h.Loss[^1],
        ["val_loss_roughness"] = ValLossRoughness,
        ["late_val_loss"] = LateValLoss,
    };

    public static IReadOnlyCollection<string> Names => Metrics.Keys;

    public static bool Exists(string name) => Metrics.ContainsKey(name);

    public static double Compute(string name, TrainingHistory history) =>
        Metrics.TryGetValue(name, out var metric) ? metric(history)
            : throw new ArgumentException($"Unknown metric '{name}'; known: {string.Join(", ", Metrics.Keys)}.", nameof(name));

    /// <summary>
    /// Epoch-to-epoch variation of val_loss over the second half of training: the standard deviation of successive
    /// differences val_loss[e] − val_loss[e−1] whose later epoch lies in the second half (with 18 epochs: epochs 11–18,
    /// eight differences).
    /// Differences, not levels, so a steady downward or upward drift does not count as noise; this is what a
    /// "smoother curve with smaller variance" means for a loss curve.
    /// </summary>
    public static double ValLossRoughness(TrainingHistory history)
    {
        var values = history.ValLoss;
        var first = Math.Max(LateStart(values.Length), 1);
        var differences = Enumerable.Range(first, values.Length - first).Select(i => values[i] - values[i - 1]).ToList();
        if (differences.Count < 2) return 0;
        var mean = differences.Average();
        return Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / (differences.Count - 1));
    }

    /// <summary>
    /// The mean val_loss over the late epochs, the ones <see cref="ValLossRoughness"/> measures (with 18 epochs: 11–18): where
    /// a run ends up once the early descent is over. Its spread across seeds is how much a result depends on the seed, the
    /// second reading of "smaller variance"; the mean of eight epochs, not the last alone, so one noisy epoch does not decide it.
    /// </summary>
    public static double LateValLoss(TrainingHistory history)
    {
        var values = history.ValLoss;
        var first = Math.Min(LateStart(values.Length), values.Length - 1);
        return values.Skip(first).Average();
    }

    /// <summary>The first late epoch (0-based): the first whose difference from the one before lies in the second half of
    /// training (with 18 epochs, index 10: epoch 11).</summary>
    private static int LateStart(int epochs) => epochs / 2 + 1;
}

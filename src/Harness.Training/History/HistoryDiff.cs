using System.Collections.Immutable;
using System.Text;

namespace Harness.History;

/// <summary>
/// How two histories differ, for people: the first differing value in a sentence, or a table of each metric's first
/// differing epochs. The exact tier's messages and <c>--verify</c>'s both come from here.
/// </summary>
internal static class HistoryDiff
{
    /// <summary>E.g. "val_loss at epoch 2: stored 0.1, retrained 0.2": the first value that differs, metric by metric in file order,
    /// or, when every shared epoch is equal, the two lengths.</summary>
    public static string FirstDifference(TrainingHistory first, TrainingHistory second, string firstName, string secondName)
    {
        foreach (var metric in TrainingHistory.MetricNames)
            if (DifferingEpochs(first[metric], second[metric]).FirstOrDefault(-1) is var i and >= 0)
                return $"{metric} at epoch {i + 1}: {firstName} {F(first[metric][i])}, {secondName} {F(second[metric][i])}";
        return $"{firstName} {first.Epochs} epochs, {secondName} {second.Epochs}";
    }

    /// <summary>A markdown table: for each metric that differs, its first differing epochs (baseline, current, difference).</summary>
    public static string Table(TrainingHistory baseline, TrainingHistory current, int epochsPerMetric = 3)
    {
        var table = new StringBuilder();
        table.AppendLine("| metric | epoch | baseline | current | difference |");
        table.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var metric in TrainingHistory.MetricNames)
        {
            var (b, c) = (baseline[metric], current[metric]);
            var differing = DifferingEpochs(b, c).ToList();
            foreach (var i in differing.Take(epochsPerMetric))
                table.AppendLine($"| {metric} | {i + 1} | {F(b[i])} | {F(c[i])} | {F(c[i] - b[i])} |");
            if (differing.Count > epochsPerMetric)
                table.AppendLine($"| {metric} | … | {differing.Count - epochsPerMetric} more differing epochs | | |");
        }
        if (baseline.Epochs != current.Epochs)
            table.AppendLine($"| (all) | | {baseline.Epochs} epochs | {current.Epochs} epochs | |");
        return table.ToString();
    }

    /// <summary>The 0-based epochs, among those both have, whose values differ: by <c>!=</c>, as the exact tier's table always
    /// compared (so a NaN in both differs; a run whose training loss is not finite stops as diverged before it has a history).</summary>
    private static IEnumerable<int> DifferingEpochs(ImmutableArray<double> a, ImmutableArray<double> b) =>
        Enumerable.Range(0, Math.Min(a.Length, b.Length)).Where(i => a[i] != b[i]);

    private static string F(double value) => RunResultJson.Format(value);
}

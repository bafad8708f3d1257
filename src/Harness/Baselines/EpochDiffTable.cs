using System.Text;
using Harness.History;

namespace Harness.Baselines;

/// <summary>For each metric that differs, its first differing epochs: baseline, current, difference.</summary>
public static class EpochDiffTable
{
    public static string Render(TrainingHistory baseline, TrainingHistory current, int epochsPerMetric = 3)
    {
        var table = new StringBuilder();
        table.AppendLine("| metric | epoch | baseline | current | difference |");
        table.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var metric in TrainingHistory.MetricNames)
        {
            var (b, c) = (baseline[metric], current[metric]);
            var differing = Enumerable.Range(0, Math.Min(b.Length, c.Length)).Where(i => b[i] != c[i]).ToList();
            foreach (var i in differing.Take(epochsPerMetric))
                table.AppendLine($"| {metric} | {i + 1} | {F(b[i])} | {F(c[i])} | {F(c[i] - b[i])} |");
            if (differing.Count > epochsPerMetric)
                table.AppendLine($"| {metric} | … | {differing.Count - epochsPerMetric} more differing epochs | | |");
        }
        if (baseline.Epochs != current.Epochs)
            table.AppendLine($"| (all) | | {baseline.Epochs} epochs | {current.Epochs} epochs | |");
        return table.ToString();
    }

    private static string F(double value) => RunResultJson.Format(value);
}

using System.Globalization;
using System.Text;
using Harness.Settings;
using Harness.History;
using Harness.IO;

namespace Harness.Report;

/// <summary>Every run's every epoch in tidy form: one row per (run, epoch, metric), ready for pandas or R.</summary>
internal sealed class HistoriesCsv : IReportWriter
{
    public const string FileName = "histories.csv";

    public IReadOnlyList<string> Write(ExperimentResults results, string directory)
    {
        var path = Path.Combine(directory, FileName);
        AtomicFile.WriteAllText(path, Render(results));
        return [path];
    }

    public static string Render(ExperimentResults results)
    {
        // One column per declared axis, named by its run-id token (the tutorial's: layers, dropout, n).
        var axes = results.Experiment.Axes;
        var csv = new StringBuilder($"experiment,run,{string.Join("", axes.Select(a => a.Token + ","))}seed,epoch,metric,value\n");
        foreach (var run in results.Runs.OrderBy(r => r.RunId, StringComparer.Ordinal))
        {
            var axisCells = string.Join("", axes.Select(a => RunSetting.Format(a.Effective(run.Config)) + ","));
            foreach (var metric in TrainingHistory.MetricNames)
                for (var e = 0; e < run.History.Epochs; e++)
                    csv.Append(CultureInfo.InvariantCulture,
                        $"{results.Experiment.Name},{run.RunId},{axisCells}{run.Config.Seed},{e + 1},{metric}," +
                        $"{RunResultJson.Format(run.History[metric][e])}\n");
        }
        return csv.ToString();
    }
}

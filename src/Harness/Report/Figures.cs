using System.Globalization;
using Harness.History;
using ScottPlot;

namespace Harness.Report;

/// <summary>
/// The figures: the tutorial's own (loss, val_loss, acc, val_acc without and with dropout, one line per depth) drawn
/// as the mean over seeds with a min–max band, once per training-set size; and the generalisation gap against depth.
/// </summary>
public sealed class Figures : IReportWriter
{
    public const string Folder = "figures";
    private static readonly string[] Metrics = ["loss", "val_loss", "acc", "val_acc"];

    public static string CurvesFile(int nTrain) => $"curves_n-{nTrain}.png";
    public const string GapFile = "gap-vs-depth.png";

    public IReadOnlyList<string> Write(ExperimentResults results, string directory)
    {
        var folder = Path.Combine(directory, Folder);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var n in results.Runs.Select(r => r.Config.NTrain).Distinct().Order())
            written.Add(Save(Curves(results.Runs.Where(r => r.Config.NTrain == n).ToList(), n), folder, CurvesFile(n), 1600, 2000));
        written.Add(SavePlot(Gap(results.Runs), folder, GapFile, 1100, 700));
        return written;
    }

    private static Multiplot Curves(IReadOnlyList<RunResult> runs, int nTrain)
    {
        var dropouts = runs.Select(r => r.Config.Dropout).Distinct().Order().ToList();
        var depths = runs.Select(r => r.Config.Layers).Distinct().Order().ToList();
        var figure = new Multiplot();
        figure.AddPlots(Metrics.Length * dropouts.Count);
        figure.Layout = new ScottPlot.MultiplotLayouts.Grid(Metrics.Length, dropouts.Count);

        for (var row = 0; row < Metrics.Length; row++)
            for (var column = 0; column < dropouts.Count; column++)
            {
                var plot = figure.GetPlot(row * dropouts.Count + column);
                var metric = Metrics[row];
                plot.Title($"{metric}, dropout {F(dropouts[column])}, n = {nTrain}");
                plot.XLabel("epoch");
                plot.YLabel(metric);
                foreach (var (depth, i) in depths.Select((d, i) => (d, i)))
                {
                    var group = runs.Where(r => r.Config.Layers == depth && r.Config.Dropout == dropouts[column]).ToList();
                    if (group.Count == 0) continue;
                    var epochs = group[0].History.Epochs;
                    var xs = Enumerable.Range(1, epochs).Select(e => (double)e).ToArray();
                    var values = Enumerable.Range(0, epochs).Select(e => group.Select(r => r.History[metric][e]).ToList()).ToList();
                    var color = Palette(i);
                    var band = plot.Add.FillY(xs, values.Select(v => v.Min()).ToArray(), values.Select(v => v.Max()).ToArray());
                    band.FillColor = color.WithAlpha(0.18);
                    band.LineColor = Colors.Transparent;
                    var mean = plot.Add.ScatterLine(xs, values.Select(v => v.Average()).ToArray(), color);
                    mean.LineWidth = 2;
                    mean.LegendText = $"{depth} layers ({group.Count} seeds)";
                }
                // Losses fall and accuracies rise: keep the legend in the corner the curves leave empty.
                plot.ShowLegend(metric.EndsWith("loss", StringComparison.Ordinal) ? Alignment.UpperRight : Alignment.LowerRight);
            }
        return figure;
    }

    private static Plot Gap(IReadOnlyList<RunResult> runs)
    {
        var plot = new Plot();
        plot.Title("Generalisation gap (final val_loss − final loss) against depth: mean over seeds, min–max band");
        plot.XLabel("hidden layers");
        plot.YLabel("gap");
        var series = runs.GroupBy(r => (r.Config.NTrain, r.Config.Dropout)).OrderBy(g => g.Key.NTrain).ThenBy(g => g.Key.Dropout).ToList();
        foreach (var (group, i) in series.Select((g, i) => (g, i)))
        {
            var byDepth = group.GroupBy(r => r.Config.Layers).OrderBy(g => g.Key).ToList();
            var xs = byDepth.Select(g => (double)g.Key).ToArray();
            var gaps = byDepth.Select(g => g.Select(r => RunMetrics.Compute("gap", r.History)).ToList()).ToList();
            var color = Palette(i);
            var band = plot.Add.FillY(xs, gaps.Select(g => g.Min()).ToArray(), gaps.Select(g => g.Max()).ToArray());
            band.FillColor = color.WithAlpha(0.15);
            band.LineColor = Colors.Transparent;
            var mean = plot.Add.Scatter(xs, gaps.Select(g => g.Average()).ToArray(), color);
            mean.LineWidth = 2;
            mean.MarkerSize = 8;
            mean.LegendText = $"n = {group.Key.NTrain}, dropout {F(group.Key.Dropout)}";
        }
        var depths = runs.Select(r => r.Config.Layers).Distinct().Order().Select(d => (double)d).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(depths, depths.Select(d => F(d)).ToArray());
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static Color Palette(int i) => new ScottPlot.Palettes.Category10().GetColor(i);

    private static string Save(Multiplot figure, string folder, string name, int width, int height)
    {
        var path = Path.Combine(folder, name);
        figure.SavePng(path, width, height);
        return path;
    }

    private static string SavePlot(Plot plot, string folder, string name, int width, int height)
    {
        var path = Path.Combine(folder, name);
        plot.SavePng(path, width, height);
        return path;
    }

    private static string F(double value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using Harness.Settings;
using Harness.History;
using Harness.Metrics;
using ScottPlot;

namespace Harness.Report;

/// <summary>
/// The figures, faceted as the experiment declares (<see cref="Config.FigureLayout"/>): training curves (loss, val_loss, acc,
/// val_acc in rows, one column per value of the columns axis, one file per value of the files axis), one line per
/// configuration as the mean over its seeds with a min–max band; and the generalisation gap against the lines axis. A line
/// is always one configuration: runs that differ in any setting, declared in the layout or not, are never averaged.
/// </summary>
internal sealed class Figures : IReportWriter
{
    public const string Folder = "figures";
    private static readonly string[] Metrics = ["loss", "val_loss", "acc", "val_acc"];

    /// <summary>A figure file and the sentence the report puts above it.</summary>
    public sealed record Figure(string File, string Caption, Func<ExperimentResults, string, string> Save);

    public IReadOnlyList<string> Write(ExperimentResults results, string directory)
    {
        var folder = Path.Combine(directory, Folder);
        Directory.CreateDirectory(folder);
        return Plan(results).Select(f => f.Save(results, folder)).ToList();
    }

    /// <summary>Which figures the results make, in report order.</summary>
    public static IReadOnlyList<Figure> Plan(ExperimentResults results)
    {
        var layout = results.Experiment.Figures;
        var figures = new List<Figure>();
        if (results.Runs.Count == 0) return figures; // every run diverged: nothing to draw
        foreach (var value in Values(results.Runs, layout.Files))
        {
            var file = layout.Files is null ? "curves.png" : $"curves_{layout.Files.Token}-{RunSetting.Format(value)}.png";
            var where = layout.Files is null ? "" : $" at {layout.Files.Token} = {RunSetting.Format(value)}";
            figures.Add(
                new Figure(file,
                    $"Training curves{where}: mean over seeds, band from the minimum to the maximum seed, one line per configuration.",
                (r, folder) => Save(Curves(Select(r.Runs, layout.Files, value), r), folder, file)));
        }
        if (layout.Lines is { IsNumeric: true } lines)
        {
            var file = $"gap-vs-{lines.Name}.png";
            figures.Add(
                new Figure(file,
                    $"Generalisation gap (final val_loss − final loss) against {lines.Name}, one line per " +
                    "combination of the other settings.",
                (r, folder) => Save(Gap(r.Runs, lines), folder, file)));
        }
        return figures;
    }

    private static Multiplot Curves(IReadOnlyList<RunResult> runs, ExperimentResults results)
    {
        var layout = results.Experiment.Figures;
        var columns = Values(runs, layout.Columns);
        var figure = new Multiplot();
        figure.AddPlots(Metrics.Length * columns.Count);
        figure.Layout = new ScottPlot.MultiplotLayouts.Grid(Metrics.Length, columns.Count);
        // Labels name the axes a panel does not already fix.
        var labelled = results.Experiment.Axes.Where(a => a != layout.Files && a != layout.Columns).ToList();

        for (var row = 0; row < Metrics.Length; row++)
            for (var column = 0; column < columns.Count; column++)
            {
                var plot = figure.GetPlot(row * columns.Count + column);
                var metric = Metrics[row];
                var panelRuns = Select(runs, layout.Columns, columns[column]);
                var fixedText = string.Join(", ", new[] { layout.Columns, layout.Files }.OfType<RunSetting>()
                    .Select(a => $"{a.Token} = {RunSetting.Format(a.Effective(panelRuns[0].Config))}"));
                plot.Title(fixedText.Length > 0 ? $"{metric}, {fixedText}" : metric);
                plot.XLabel("epoch");
                plot.YLabel(metric);
                foreach (var (group, i) in Configurations(panelRuns, layout.Lines).Select((g, i) => (g, i)))
                {
                    var epochs = group[0].History.Epochs;
                    var xs = Enumerable.Range(1, epochs).Select(e => (double)e).ToArray();
                    var values = Enumerable.Range(0, epochs).Select(e => group.Select(r => r.History[metric][e]).ToList()).ToList();
                    var color = Palette(i);
                    var band = plot.Add.FillY(xs, values.Select(v => v.Min()).ToArray(), values.Select(v => v.Max()).ToArray());
                    band.FillColor = color.WithAlpha(0.18);
                    band.LineColor = Colors.Transparent;
                    var mean = plot.Add.ScatterLine(xs, values.Select(v => v.Average()).ToArray(), color);
                    mean.LineWidth = 2;
                    var label = Label(group[0].Config, labelled);
                    mean.LegendText = $"{(label.Length > 0 ? label : group[0].Config.ConfigurationId)} ({group.Count} seeds)";
                }
                // Losses fall and accuracies rise: keep the legend in the corner the curves leave empty.
                plot.ShowLegend(metric.EndsWith("loss", StringComparison.Ordinal) ? Alignment.UpperRight : Alignment.LowerRight);
            }
        return figure;
    }

    private static Plot Gap(IReadOnlyList<RunResult> runs, RunSetting lines)
    {
        var plot = new Plot();
        plot.Title($"Generalisation gap (final val_loss − final loss) against {lines.Name}: mean over seeds, min–max band");
        plot.XLabel(lines.Name);
        plot.YLabel("gap");
        // A series is everything but the x axis and the seed, so no series mixes runs that differ in anything else.
        var others = RunSettings.Of(runs.Select(r => r.Config)).Where(s => s != lines && s != RunSettings.Seed).ToList();
        var series = runs.GroupBy(r => RunSettings.Key(r.Config, others))
            .OrderBy(g => g.First().Config, RunSettings.Order(others)).ToList();
        var varying = others.Where(s => runs.Select(r => RunSetting.Format(s.Effective(r.Config))).Distinct().Count() > 1).ToList();
        foreach (var (group, i) in series.Select((g, i) => (g, i)))
        {
            var byValue = group.GroupBy(r => Convert.ToDouble(lines.Effective(r.Config), CultureInfo.InvariantCulture))
                .OrderBy(g => g.Key).ToList();
            var xs = byValue.Select(g => g.Key).ToArray();
            var gaps = byValue.Select(g => g.Select(r => RunMetrics.Compute("gap", r.History)).ToList()).ToList();
            var color = Palette(i);
            var band = plot.Add.FillY(xs, gaps.Select(g => g.Min()).ToArray(), gaps.Select(g => g.Max()).ToArray());
            band.FillColor = color.WithAlpha(0.15);
            band.LineColor = Colors.Transparent;
            var mean = plot.Add.Scatter(xs, gaps.Select(g => g.Average()).ToArray(), color);
            mean.LineWidth = 2;
            mean.MarkerSize = 8;
            mean.LegendText = varying.Count > 0 ? Label(group.First().Config, varying) : "all runs";
        }
        var ticks = runs.Select(r => Convert.ToDouble(lines.Effective(r.Config), CultureInfo.InvariantCulture))
            .Distinct().Order().ToArray();
        plot.Axes.Bottom.TickGenerator =
            new ScottPlot.TickGenerators.NumericManual(ticks, ticks.Select(t => RunSetting.Format(t)).ToArray());
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>The runs grouped by configuration, ordered by the lines axis, then by every other setting.</summary>
    private static List<List<RunResult>> Configurations(IReadOnlyList<RunResult> runs, RunSetting? lines)
    {
        var every = RunSettings.Of(runs.Select(r => r.Config));
        var order = (lines is null ? every : every.Where(s => s != lines).Prepend(lines)).ToList();
        return runs.GroupBy(r => r.Config.ConfigurationId).Select(g => g.ToList())
            .OrderBy(g => g[0].Config, RunSettings.Order(order)).ToList();
    }

    private static IReadOnlyList<object?> Values(IReadOnlyList<RunResult> runs, RunSetting? axis) =>
        axis is null ? [null] : runs.Select(r => axis.Effective(r.Config)).DistinctBy(RunSetting.Format)
            .Order(Comparer<object?>.Create(RunSetting.Compare)).ToList();

    private static List<RunResult> Select(IReadOnlyList<RunResult> runs, RunSetting? axis, object? value) =>
        axis is null ? runs.ToList() : runs.Where(r => RunSetting.SameValue(axis.Effective(r.Config), value)).ToList();

    private static string Label(RunConfig config, IReadOnlyList<RunSetting> settings) =>
        string.Join(", ", settings.Select(s => $"{s.Token}={RunSetting.Format(s.Effective(config))}"));

    private static Color Palette(int i) => new ScottPlot.Palettes.Category10().GetColor(i % 10);

    private static string Save(Multiplot figure, string folder, string name)
    {
        var path = Path.Combine(folder, name);
        figure.SavePng(path, 1600, 2000);
        return path;
    }

    private static string Save(Plot plot, string folder, string name)
    {
        var path = Path.Combine(folder, name);
        plot.SavePng(path, 1100, 700);
        return path;
    }
}

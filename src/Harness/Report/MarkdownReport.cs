using System.Globalization;
using System.Text;
using Harness.Baselines;
using Harness.Claims;
using Harness.Config.Settings;
using Harness.History;
using Harness.IO;
using Harness.Statistics;

namespace Harness.Report;

/// <summary>
/// <c>report.md</c>: the reproduction read as a results section. Conclusions first, with their evidence; then figures,
/// the published runs against the reproduced ones, the runs, the baselines and the environment.
/// </summary>
public sealed class MarkdownReport : IReportWriter
{
    public const string FileName = "report.md";

    public IReadOnlyList<string> Write(ExperimentResults results, string directory)
    {
        var path = Path.Combine(directory, FileName);
        AtomicFile.WriteAllText(path, Render(results));
        return [path];
    }

    public static string Render(ExperimentResults results)
    {
        var md = new StringBuilder();
        var experiment = results.Experiment;
        md.AppendLine($"# Reproduction: {experiment.Title}");
        md.AppendLine();
        if (experiment.Source.Length > 0) md.AppendLine($"Source: {experiment.Source}.  ");
        var configurations = results.Runs.GroupBy(r => r.Config.ConfigurationId).Count();
        var seeds = results.Runs.GroupBy(r => r.Config.ConfigurationId).Select(g => g.Count()).Distinct().Order().ToList();
        md.AppendLine(
            Invariant($"Experiment `{experiment.Name}`: {results.Runs.Count} runs, {configurations} configurations, ") +
            Invariant($"{Range(seeds)} seed{(seeds is [1] ? "" : "s")} each") +
            (experiment.Axes.Count > 0 ? $", varying {string.Join(", ", experiment.Axes.Select(a => a.Name))}" : "") +
            (results.Diverged.Count > 0 ? Invariant($"; and {results.Diverged.Count} that diverged") : "") + ".  ");
        md.AppendLine($"Every run: {SharedSettings(results)}; one intra-op thread per run.");
        if (experiment.Grids[0].Template.Model is { } model) md.AppendLine().AppendLine($"Model (as declared): {model.Describe()}.");
        md.AppendLine();

        Summary(md, results);
        Conclusions(md, results);
        FiguresSection(md, results);
        Published(md, results);
        Runs(md, results);
        BaselinesSection(md, results);
        Environment(md, results);
        return md.ToString();
    }

    private static void Summary(StringBuilder md, ExperimentResults results)
    {
        md.AppendLine("## Summary");
        md.AppendLine();
        var (headline, rest) = ResultsSummary.Sentence(results);
        md.AppendLine((results.Holds ? $"**{headline}**" : Failure(headline)) + rest);
        md.AppendLine();
        foreach (var item in ResultsSummary.Items(results, Failure)) md.AppendLine(item.StartsWith(' ') ? item : $"- {item}");
        md.AppendLine();
    }

    private static void Conclusions(StringBuilder md, ExperimentResults results)
    {
        md.AppendLine("## Conclusions");
        md.AppendLine();
        foreach (var outcome in results.Claims)
        {
            md.AppendLine($"### {(outcome.Evaluated ? outcome.Verdict.ToString() : "Not evaluated")}: {outcome.Claim.Statement}");
            md.AppendLine();
            if (outcome.Claim.Tutorial.Length > 0)
            {
                md.AppendLine($"> The source: \"{outcome.Claim.Tutorial}\"");
                md.AppendLine();
            }
            md.AppendLine(outcome.Headline);
            md.AppendLine();
            if (outcome.Claim.Negligible is { } band)
            {
                md.AppendLine($"Negligible band: ±{RunSetting.Format(band.Width)} in {outcome.Claim.Metric}, {band.Declared.Provenance}" +
                    (band.Declared.PostHoc ? "; its Negligible verdicts are exploratory until seeds run after it confirm them." : "."));
                md.AppendLine();
            }
            if (outcome.Decision is { } decision)
            {
                var open = outcome.Parts.ToLookup(p => p.TooFewSeeds || p.Verdict == ClaimVerdict.Inconclusive);
                string Name(PartOutcome p) => p.Part.Name.Length > 0 ? p.Part.Name : p.Statistic;
                md.AppendLine(decision.Describe() + (decision.Decided || !open[true].Any() ? ""
                    : $" Still undecided: {string.Join(", ", open[true].Select(Name))}" +
                        (open[false].Any() ? $"; decided: {string.Join(", ", open[false].Select(p => $"{Name(p)} {p.Verdict}"))}." : ".")) +
                    (decision.Provenance.Length > 0 ? " " + decision.Provenance : ""));
                md.AppendLine();
            }
            var registration = outcome.Claim.Registration;
            var standing = outcome.Blocked is { } blocked ? Failure($"not evaluated: {blocked}")
                : !outcome.Evaluated ? $"not evaluated: too few seeds ({outcome.Needs})"
                : outcome.AsRegistered ? "as registered"
                : outcome.Holds ? $"{ClaimText.OnOtherSeeds(outcome)}, and does not contradict it"
                : Failure("differs from the registration");
            md.AppendLine($"Registered: {registration.Verdict} — {registration.Provenance} — {standing}. {outcome.Claim.Reason}");
            md.AppendLine();
            if (ClaimText.PlanVerdict(outcome) is { } planVerdict)
            {
                md.AppendLine(planVerdict);
                md.AppendLine();
            }
            md.AppendLine("<details><summary>Evidence</summary>");
            md.AppendLine();
            md.Append(outcome.Evidence);
            md.AppendLine("</details>");
            md.AppendLine();
        }
    }

    private static void FiguresSection(StringBuilder md, ExperimentResults results)
    {
        md.AppendLine("## Figures");
        md.AppendLine();
        foreach (var figure in Figures.Plan(results))
        {
            md.AppendLine(figure.Caption + "  ");
            md.AppendLine($"![{figure.File}]({Figures.Folder}/{figure.File})");
            md.AppendLine();
        }
    }

    /// <summary>The settings no axis varies, with the values every run trains with (defaults written out).</summary>
    private static string SharedSettings(ExperimentResults results) =>
        string.Join(", ", RunSettings.All.Where(s => s != RunSettings.Seed && !results.Experiment.Axes.Contains(s))
            .Select(s =>
                (Setting: s,
                    Values: results.Runs.Select(r => s.Effective(r.Config)).OfType<object>().Select(RunSetting.Format).Distinct().ToList()))
            .Where(x => x.Values.Count > 0)
            .Select(x => $"{x.Setting.Name} {string.Join("/", x.Values)}"));

    private static void Published(StringBuilder md, ExperimentResults results)
    {
        if (results.Published.Count == 0 && results.PublishedSetAside.Count == 0) return;
        md.AppendLine("## Published versus reproduced");
        md.AppendLine();
        PublishedSetAside(md, results);
        if (results.Published.Count == 0) return;
        md.AppendLine("The source's published run of each configuration, placed among the reproduced seeds (mid-rank percentile). " +
                      "A value outside the reproduced range widened by one IQR is flagged.");
        md.AppendLine();
        md.AppendLine("| configuration | metric | published | percentile | reproduced min – max | median | |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var comparison in results.Published)
            foreach (var m in comparison.Metrics)
            {
                var standing = results.Standing(comparison, m);
                var words = standing switch
                {
                    PublishedStanding.TooFewSeeds => "too few seeds to judge",
                    PublishedStanding.RegisteredOutlier => "outlier (registered)",
                    PublishedStanding.UnregisteredOutlier => "outlier, not registered",
                    PublishedStanding.RegisteredNowWithin => "registered outlier, now within",
                    _ => "within",
                };
                var status = ExperimentResults.Fails(standing) ? Failure(words) : words;
                md.AppendLine(
                    Invariant($"| {comparison.ConfigurationId} | {m.Metric} | {m.Published:0.0000} | {m.Percentile:0} | ") +
                        Invariant($"{m.Reproduced[0]:0.0000} – {m.Reproduced[^1]:0.0000} | ") +
                        Invariant($"{Describe.Median(m.Reproduced):0.0000} | {status} |"));
            }
        md.AppendLine();
    }

    /// <summary>The published runs overrides took from every configuration of their settings: listed, with why, never compared.</summary>
    private static void PublishedSetAside(StringBuilder md, ExperimentResults results)
    {
        if (results.PublishedSetAside.Count == 0) return;
        md.AppendLine("Set aside, not compared: a published run is placed only among reproduced runs of the settings it trained " +
                      "with, and for each run below, overrides of the experiment's settings left no such runs.");
        md.AppendLine();
        foreach (var sentence in SetAsidePublishedRun.Sentences(results.PublishedSetAside)) md.AppendLine($"- {sentence}");
        md.AppendLine();
    }

    private static void Runs(StringBuilder md, ExperimentResults results)
    {
        md.AppendLine("## Runs");
        md.AppendLine();
        md.AppendLine("Final-epoch values, mean ± sd over seeds.");
        md.AppendLine();
        md.AppendLine("| configuration | seeds | loss | acc | val_loss | val_acc |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var group in results.Runs.GroupBy(r => r.Config.ConfigurationId))
        {
            string Cell(Func<TrainingHistory, double> metric)
            {
                var (mean, variance) = WelchTest.MeanVariance(group.Select(r => metric(r.History)).ToList());
                return double.IsNaN(variance) ? Invariant($"{mean:0.0000}") : Invariant($"{mean:0.0000} ± {Math.Sqrt(variance):0.0000}");
            }
            md.AppendLine(
                Invariant($"| {group.Key} | {group.Count()} | {Cell(h => h.Loss[^1])} | {Cell(h => h.Acc[^1])} | ") +
                    Invariant($"{Cell(h => h.ValLoss[^1])} | {Cell(h => h.ValAcc[^1])} |"));
        }
        md.AppendLine();
    }

    private static void BaselinesSection(StringBuilder md, ExperimentResults results)
    {
        md.AppendLine("## Baselines");
        md.AppendLine();
        md.AppendLine("Exact tier: within one environment every number of every run's history must equal its verified baseline.");
        md.AppendLine();
        var notMatching = results.Exact.Where(e => e.Verdict != ExactVerdict.Match).ToList();
        md.AppendLine(notMatching.Count == 0
            ? Invariant($"All {results.Exact.Count} runs are identical to their baselines, bit for bit.")
            : string.Join("\n",
                notMatching.Select(e => $"- `{e.RunId}`: {ResultsSummary.Marked(e.Verdict, e.Verdict.ToString(), Failure)}. " +
                    $"{e.Message.Split('\n')[0]}")));
        md.AppendLine();
        md.AppendLine("Ensemble tier: each configuration's seeds against the baseline distribution of summary statistics " +
                      "(Welch t-test per statistic, Bonferroni over all configurations × statistics).");
        md.AppendLine();
        md.AppendLine("| configuration | verdict |");
        md.AppendLine("| --- | --- |");
        foreach (var check in results.Ensemble) md.AppendLine($"| {check.ConfigurationId} | " +
            $"{ResultsSummary.Marked(check.Verdict, check.Verdict.ToString(), Failure)} |");
        md.AppendLine();
    }

    private static void Environment(StringBuilder md, ExperimentResults results)
    {
        md.AppendLine("## Environment");
        md.AppendLine();
        var compared = results.Fingerprint.Comparable().Fields.Select(f => f.Name).ToHashSet();
        md.AppendLine("The state in force, read from the libraries. Histories are compared bit for bit with " +
                      $"baselines whose compared fields (the {results.Fingerprint.Numerics} profile's rule) are equal; the other " +
                      "fields are recorded, not compared.");
        md.AppendLine();
        md.AppendLine("| field | value | compared |");
        md.AppendLine("| --- | --- | --- |");
        foreach (var (name, value) in results.Fingerprint.Fields()) md.AppendLine($"| {name} | {value} | " +
            $"{(compared.Contains(name) ? "yes" : "")} |");
        md.AppendLine();
    }

    /// <summary>The spelling of strong emphasis that means "failure": see <see cref="Failure"/>.</summary>
    internal const char FailureDelimiter = '_';

    /// <summary>
    /// A failure the reader must not miss, in bold spelt with underscores. Every Markdown viewer shows <c>__text__</c> as bold,
    /// like <c>**text**</c>; report.html, which renders this same Markdown, styles the underscore spelling, and only it, as a
    /// failure (<see cref="HtmlReport"/>). So what counts as a failure is decided once, here, for both formats.
    /// Other bold text is spelt with asterisks.
    /// </summary>
    internal static string Failure(string text) => $"{FailureDelimiter}{FailureDelimiter}{text}{FailureDelimiter}{FailureDelimiter}";

    private static string Range(IReadOnlyList<int> values) => values.Count == 0 ? "0" : values.Count == 1 ? $"{values[0]}"
        : $"{values[0]}–{values[^1]}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

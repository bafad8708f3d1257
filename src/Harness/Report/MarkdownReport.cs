using System.Globalization;
using Harness.Baselines;
using Harness.Claims;
using Harness.Settings;
using Harness.History;
using Harness.IO;
using Harness.Statistics;

namespace Harness.Report;

/// <summary>
/// <c>report.md</c>: the reproduction read as a results section. Its verdicts first (<see cref="ClaimsTable"/>), then the
/// summary and each claim with its parts and evidence; then figures,
/// the published runs against the reproduced ones, the runs, the baselines and the environment.
/// </summary>
internal sealed class MarkdownReport : IReportWriter
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
        var md = new MarkdownWriter();
        var experiment = results.Experiment;
        md.Line($"# Reproduction: {experiment.Title}");
        md.Line();
        // The verdicts first, within the first screen of report.html: the headline, then a row per claim.
        var (headline, rest) = ResultsSummary.Sentence(results);
        md.Line($"{(results.Holds ? new Markdown($"**{MarkdownText.Escape(headline)}**") : Failure(headline))}{rest}");
        md.Line();
        ClaimsTable.Write(md, results);
        if (experiment.Source.Length > 0) md.Line($"Source: {experiment.Source}.  ");
        var configurations = results.Runs.GroupBy(r => r.Config.ConfigurationId).Count();
        var seeds = results.Runs.GroupBy(r => r.Config.ConfigurationId).Select(g => g.Count()).Distinct().Order().ToList();
        md.Line($"Experiment {MarkdownText.Code(experiment.Name)}: {results.Runs.Count} runs, {configurations} configurations, " +
            $"{Range(seeds)} seed{(seeds is [1] ? "" : "s")} each" +
            $"{(experiment.Axes.Count > 0 ? $", varying {string.Join(", ", experiment.Axes.Select(a => a.Name))}" : "")}" +
            $"{(results.Diverged.Count > 0 ? $"; and {results.Diverged.Count} that diverged" : "")}.  ");
        md.Line($"Every run: {SharedSettings(results)}; one intra-op thread per run.");
        if (experiment.Grids[0].Template.Model is { } model) md.Line().Line($"Model (as declared): {model.Describe()}.");
        if (experiment.Grids[0].Template.ModelClass is { } code) md.Line().Line($"Model (a C# class, as declared): {code.Describe()}.");
        md.Line();

        Summary(md, results);
        Conclusions(md, results);
        FiguresSection(md, results);
        Published(md, results);
        Runs(md, results);
        BaselinesSection(md, results);
        Environment(md, results);
        return md.ToString();
    }

    /// <summary>Opens and closes each claim's evidence: a section GitHub folds. report.html builds the same element itself
    /// (<see cref="HtmlReport"/>), since it passes no HTML from the Markdown through.</summary>
    internal const string EvidenceOpens = "<details><summary>Evidence</summary>", EvidenceCloses = "</details>";

    private static void Summary(MarkdownWriter md, ExperimentResults results)
    {
        md.Line($"## Summary");
        md.Line();
        foreach (var item in ResultsSummary.Items(results))
            if (item.IsDetail) md.Line($"  - {item.Text}");
            else md.Line($"- {item.Text}");
        md.Line();
    }

    private static void Conclusions(MarkdownWriter md, ExperimentResults results)
    {
        md.Line($"## Conclusions");
        md.Line();
        foreach (var outcome in results.Claims)
        {
            md.Line($"### {(outcome.Evaluated ? outcome.Verdict.ToString() : "Not evaluated")}: {outcome.Claim.Statement}");
            md.Line();
            if (outcome.Claim.Tutorial.Length > 0) md.Line($"> The source: \"{outcome.Claim.Tutorial}\"").Line();
            PartsTable.Write(md, outcome);
            // The parts' numbers are in the table; the sentence says only what they rest on (or why there are none).
            md.Line($"{(outcome.Blocked is { } reason ? $"Not evaluated: {reason}." : Design(outcome))}");
            md.Line();
            if (outcome.Claim.Negligible is { } band)
            {
                md.Line($"Negligible band: ±{RunSetting.Format(band.Width)} in {outcome.Claim.Metric}, {band.Declared.Provenance}" +
                    $"{(band.Declared.PostHoc ? "; its Negligible verdicts are exploratory until seeds run after it confirm them."
                        : ".")}");
                md.Line();
            }
            // Which parts are still undecided is the parts table's verdict column; this says only where the plan stands.
            if (outcome.Decision is { } decision)
                md.Line($"{decision.Describe()}{(decision.Provenance.Length > 0 ? " " + decision.Provenance : "")}").Line();
            var registration = outcome.Claim.Registration;
            var standing = outcome.Blocked is { } blocked ? Prose.Failure($"not evaluated: {blocked}")
                : !outcome.Evaluated ? Prose.Text($"not evaluated: too few seeds ({outcome.Needs})")
                : outcome.AsRegistered ? Prose.Text("as registered")
                : outcome.Holds ? Prose.Text($"{ClaimText.OnOtherSeeds(outcome)}, and does not contradict it")
                : Prose.Failure("differs from the registration");
            md.Line($"Registered: {registration.Verdict} — {registration.Provenance} — {standing}. {outcome.Claim.Reason}");
            md.Line();
            if (ClaimText.PlanVerdict(outcome) is { } planVerdict) md.Line($"{planVerdict}").Line();
            md.Line($"{new Markdown(EvidenceOpens)}");
            md.Line();
            md.Block(ClaimEvidence.Render(outcome));
            md.Line($"{new Markdown(EvidenceCloses)}");
            md.Line();
        }
    }

    private static void FiguresSection(MarkdownWriter md, ExperimentResults results)
    {
        md.Line($"## Figures");
        md.Line();
        foreach (var figure in Figures.Plan(results))
        {
            md.Line($"{figure.Caption}  ");
            md.Line($"![{figure.File}]({new Markdown($"{Figures.Folder}/{Uri.EscapeDataString(figure.File)}")})");
            md.Line();
        }
    }

    /// <summary>"10 seeds, α = 0.018, 99.7% intervals (Bonferroni over 6 parts)." and, for a claim not decided, what more seeds
    /// would need or might do.</summary>
    private static string Design(ClaimOutcome outcome) =>
        $"{ClaimText.Design(outcome.Claim, outcome.Parts, outcome.Alpha)}{ClaimText.Outlook(outcome.Verdict, outcome.Parts)}.";

    /// <summary>The settings no axis varies, with the values every run trains with (defaults written out).</summary>
    private static string SharedSettings(ExperimentResults results) =>
        string.Join(", ", RunSettings.All.Where(s => s != RunSettings.Seed && !results.Experiment.Axes.Contains(s))
            .Select(s =>
                (Setting: s,
                    Values: results.Runs.Select(r => s.Effective(r.Config)).OfType<object>().Select(RunSetting.Format).Distinct().ToList()))
            .Where(x => x.Values.Count > 0)
            .Select(x => $"{x.Setting.Name} {string.Join("/", x.Values)}"));

    private static void Published(MarkdownWriter md, ExperimentResults results)
    {
        if (results.Published.Count == 0 && results.PublishedSetAside.Count == 0) return;
        md.Line($"## Published versus reproduced");
        md.Line();
        PublishedSetAside(md, results);
        if (results.Published.Count == 0) return;
        md.Line($"The source's published run of each configuration, placed among the reproduced seeds (mid-rank percentile). " +
                $"A value outside the reproduced range widened by one IQR is flagged.");
        md.Line();
        md.Line($"| configuration | metric | published | percentile | reproduced min – max | median | |");
        md.Line($"| --- | --- | ---: | ---: | ---: | ---: | --- |");
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
                md.Line($"| {comparison.ConfigurationId} | {m.Metric} | {m.Published:0.0000} | {m.Percentile:0} | " +
                    $"{m.Reproduced[0]:0.0000} – {m.Reproduced[^1]:0.0000} | {Describe.Median(m.Reproduced):0.0000} | " +
                    $"{Prose.FailureIf(ExperimentResults.Fails(standing), words)} |");
            }
        md.Line();
    }

    /// <summary>The published runs overrides took from every configuration of their settings: listed, with why, never compared.</summary>
    private static void PublishedSetAside(MarkdownWriter md, ExperimentResults results)
    {
        if (results.PublishedSetAside.Count == 0) return;
        md.Line($"Set aside, not compared: a published run is placed only among reproduced runs of the settings it trained " +
                $"with, and for each run below, overrides of the experiment's settings left no such runs.");
        md.Line();
        foreach (var sentence in SetAsidePublishedRun.Sentences(results.PublishedSetAside)) md.Line($"- {sentence}");
        md.Line();
    }

    private static void Runs(MarkdownWriter md, ExperimentResults results)
    {
        md.Line($"## Runs");
        md.Line();
        md.Line($"Final-epoch values, mean ± sd over seeds.");
        md.Line();
        md.Line($"| configuration | seeds | loss | acc | val_loss | val_acc |");
        md.Line($"| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var group in results.Runs.GroupBy(r => r.Config.ConfigurationId))
        {
            string Cell(Func<TrainingHistory, double> metric)
            {
                var (mean, variance) = WelchTest.MeanVariance(group.Select(r => metric(r.History)).ToList());
                return double.IsNaN(variance) ? Invariant($"{mean:0.0000}") : Invariant($"{mean:0.0000} ± {Math.Sqrt(variance):0.0000}");
            }
            md.Line($"| {group.Key} | {group.Count()} | {Cell(h => h.Loss[^1])} | {Cell(h => h.Acc[^1])} | " +
                $"{Cell(h => h.ValLoss[^1])} | {Cell(h => h.ValAcc[^1])} |");
        }
        md.Line();
    }

    private static void BaselinesSection(MarkdownWriter md, ExperimentResults results)
    {
        md.Line($"## Baselines");
        md.Line();
        md.Line($"Exact tier: within one environment every number of every run's history must equal its verified baseline.");
        md.Line();
        var notMatching = results.Exact.Where(e => e.Verdict != ExactVerdict.Match).ToList();
        if (notMatching.Count == 0) md.Line($"All {results.Exact.Count} runs are identical to their baselines, bit for bit.");
        foreach (var e in notMatching)
            md.Line($"- {MarkdownText.Code(e.RunId)}: {ResultsSummary.Marked(e.Verdict, e.Verdict.ToString())}. " +
                $"{e.Message.Split('\n')[0]}");
        md.Line();
        md.Line($"Ensemble tier: each configuration's seeds against the baseline distribution of summary statistics " +
                $"(Welch t-test per statistic, Bonferroni over all configurations × statistics).");
        md.Line();
        md.Line($"| configuration | verdict |");
        md.Line($"| --- | --- |");
        foreach (var check in results.Ensemble)
            md.Line($"| {check.ConfigurationId} | {ResultsSummary.Marked(check.Verdict, check.Verdict.ToString())} |");
        md.Line();
    }

    private static void Environment(MarkdownWriter md, ExperimentResults results)
    {
        md.Line($"## Environment");
        md.Line();
        var compared = results.Fingerprint.Comparable().Fields.Select(f => f.Name).ToHashSet();
        md.Line($"The state in force, read from the libraries. Histories are compared bit for bit with " +
                $"baselines whose compared fields (the {results.Fingerprint.Numerics} profile's rule) are equal; the other " +
                $"fields are recorded, not compared.");
        md.Line();
        md.Line($"| field | value | compared |");
        md.Line($"| --- | --- | --- |");
        foreach (var (name, value) in results.Fingerprint.Fields())
            md.Line($"| {name} | {value} | {(compared.Contains(name) ? "yes" : "")} |");
        md.Line();
    }

    /// <summary>The spelling of strong emphasis that means "failure": see <see cref="Failure"/>.</summary>
    internal const char FailureDelimiter = '_';

    /// <summary>
    /// A failure the reader must not miss, in bold spelt with underscores, its words escaped. Every Markdown viewer shows
    /// <c>__text__</c> as bold, like <c>**text**</c>; report.html, which renders this same Markdown, styles the underscore
    /// spelling, and only it, as a failure (<see cref="HtmlReport"/>). So what counts as a failure is decided once, here, for
    /// both formats. Other bold text is spelt with asterisks; a value's underscores and asterisks are escaped, so no text
    /// can spell either.
    /// </summary>
    internal static Markdown Failure(string text) =>
        new($"{FailureDelimiter}{FailureDelimiter}{MarkdownText.Escape(text)}{FailureDelimiter}{FailureDelimiter}");

    private static string Range(IReadOnlyList<int> values) => values.Count == 0 ? "0" : values.Count == 1 ? $"{values[0]}"
        : $"{values[0]}–{values[^1]}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

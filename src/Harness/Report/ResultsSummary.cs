using Harness.Baselines;
using Harness.Claims;

namespace Harness.Report;

/// <summary>
/// The summary of a reproduction in words: its headline with the sentence that qualifies it, and one item per tier, for the
/// claims and for the published runs. report.md and the conclusions block print the same sentences.
/// </summary>
internal static class ResultsSummary
{
    /// <summary>The headline (<see cref="ExperimentResults.Headline"/>) and what follows it, e.g. ": every history verified
    /// bit for bit, and every verdict as registered."</summary>
    public static (string Headline, Prose Qualifier) Sentence(ExperimentResults results)
    {
        var notCompared = results.Exact.Count(e => e.Verdict == ExactVerdict.NotComparable);
        var unverified = new List<Prose>();
        if (!results.Complete) unverified.Add(Prose.Text("this run checked only what its selected tests needed"));
        if (notCompared > 0)
            unverified.Add(Prose.Of($"{notCompared} of {results.Exact.Count} histories could not be compared bit for bit"));
        if (results.EnsembleNotCompared > 0) unverified.Add(
            Prose.Of($"{results.EnsembleNotCompared} of {results.Ensemble.Count} configurations had too few seeds for the ensemble tier"));
        if (results.NotEvaluated > 0)
            unverified.Add(Prose.Of($"{results.NotEvaluated} of {results.Claims.Count} claims were not evaluated (too few seeds: ") +
                Prose.Text($"{string.Join("; ", results.Claims.Where(c => !c.Evaluated).Select(c => $"{c.Claim.Id} {c.Needs}"))})"));
        if (results.PublishedSetAside.Count > 0) unverified.Add(
            Prose.Of($"{results.PublishedSetAside.Count} published run(s) set aside, their settings not the reproduced runs'"));
        var rest = !results.Holds ? Prose.Text(" — see the marked items below.")
            : unverified.Count == 0 && results.Claims.All(c => c.AsRegistered)
                ? Prose.Text(": every history verified bit for bit, and every verdict as registered.")
            : unverified.Count == 0
                ? Prose.Of($": every history verified bit for bit, and no verdict contradicts its registration ") +
                    Prose.Of($"({results.Claims.Count(c => !c.AsRegistered)} reached further or less far on other seeds than ") +
                    Prose.Text("the snapshot's).")
            : Prose.Of($": {Prose.Join("; ", unverified)}.");
        return (results.Headline, rest);
    }

    /// <summary>One item per tier, then the claims and the published runs, each with its details.</summary>
    public static IReadOnlyList<SummaryItem> Items(ExperimentResults results) =>
        [.. DivergedRuns(results), .. Tiers(results), .. ClaimCount(results), .. PublishedRuns(results)];

    /// <summary>The runs that diverged, each with where and what its loss became: first, since every other item lacks them.</summary>
    public static IEnumerable<SummaryItem> DivergedRuns(ExperimentResults results)
    {
        if (results.Diverged.Count == 0) yield break;
        yield return new(Prose.Of($"{Prose.Failure($"{results.Diverged.Count} run(s) diverged")}: trained until the loss became ") +
            Prose.Text("non-finite, so they have no history; every check that needs them fails."));
        foreach (var run in results.Diverged) yield return new(Prose.Text(run.Message), IsDetail: true);
    }

    /// <summary>The exact and the ensemble tier, each with what failed or could not be compared.</summary>
    public static IEnumerable<SummaryItem> Tiers(ExperimentResults results)
    {
        if (results.Exact.Count > 0)
        {
            var verified = results.Exact.Count(e => TierResults.Of(e.Verdict) == TierResult.Pass);
            yield return new(Prose.Of($"Exact tier: {verified} of {results.Exact.Count} histories verified bit for bit (numerics ") +
                Prose.Of($"profile {results.Fingerprint.Numerics})."));
            foreach (var reason in results.Exact.Where(e => e.Verdict == ExactVerdict.NotComparable).GroupBy(e => e.Message))
                yield return new(Prose.Of($"{reason.Count()} could not be compared. {reason.Key}"), IsDetail: true);
            foreach (var other in results.Exact.Where(e => TierResults.Of(e.Verdict) == TierResult.Fail)
                .GroupBy(e => e.Verdict).OrderBy(g => g.Key))
                yield return new(Prose.Of($"{other.Count()} {Prose.Failure(Words(other.Key))}: {Some(other.Select(e => e.RunId))}."),
                    IsDetail: true);
        }
        if (results.Ensemble.Count > 0)
        {
            var ensemble = results.Ensemble.GroupBy(e => e.Verdict).OrderBy(g => g.Key)
                .Select(g => Prose.Of($"{g.Count()} {Marked(g.Key, g.Key == EnsembleVerdict.TooFewSeeds ? "with too few seeds"
                    : g.Key.ToString().ToLowerInvariant())}"));
            yield return new(Prose.Of($"Ensemble tier: {Prose.Join(", ", ensemble)} (of {results.Ensemble.Count} configurations)."));
            foreach (var failed in results.Ensemble.Where(e => TierResults.Of(e.Verdict) == TierResult.Fail))
                yield return new(Prose.Of($"{failed.ConfigurationId}: {Prose.Failure(failed.Verdict.ToString().ToLowerInvariant())}."),
                    IsDetail: true);
        }
    }

    /// <summary>The claims counted by verdict, and how many are as registered.</summary>
    public static IEnumerable<SummaryItem> ClaimCount(ExperimentResults results)
    {
        if (results.Claims.Count == 0) yield break;
        var verdicts = results.Claims.Where(c => c.Evaluated).GroupBy(c => c.Verdict).OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}")
            .Concat(results.NotEvaluated > 0 ? [$"{results.NotEvaluated} not evaluated"] : []);
        var asRegistered = $"{results.Claims.Count(c => c.AsRegistered)} of {results.Claims.Count} as registered";
        yield return new(Prose.Of($"Claims: {string.Join(", ", verdicts)}; {Prose.FailureIf(!results.ClaimsHold, asRegistered)}."));
    }

    /// <summary>
    /// The published runs: how many values fall outside the reproduced range, and where each sits, all of them when they are
    /// few (an example's one stated number), else the ones that stand out (outliers, and registered outliers now within); and
    /// the runs set aside, with why.
    /// </summary>
    public static IEnumerable<SummaryItem> PublishedRuns(ExperimentResults results)
    {
        if (results.Published.Count == 0 && results.PublishedSetAside.Count == 0) yield break;
        var setAside = results.PublishedSetAside.Count == 0 ? ""
            : $"; {results.PublishedSetAside.Count} set aside, never compared with runs of other settings";
        var sentences = SetAsidePublishedRun.Sentences(results.PublishedSetAside)
            .Select(s => new SummaryItem(Prose.Text(s), IsDetail: true));
        if (results.Published.Count == 0)
        {
            yield return new(Prose.Of($"Published runs: none compared{setAside}."));
            foreach (var sentence in sentences) yield return sentence;
            yield break;
        }
        var values =
            results.Published.SelectMany(p => p.Metrics.Select(m => (Comparison: p, Metric: m, Standing: results.Standing(p, m)))).ToList();
        var outliers = values.Count(v => v.Metric.Outlier);
        var unregistered = values.Count(v => v.Standing == PublishedStanding.UnregisteredOutlier);
        yield return new(Prose.Of($"Published runs: {results.Published.Count} compared, {outliers} value(s) outside the reproduced ") +
            Prose.Text("range widened by one IQR") +
            (outliers == 0 ? Prose.Text("") : unregistered == 0 ? Prose.Text(", each registered as an outlier")
                : Prose.Of($", {Prose.Failure($"{unregistered} of them not registered")}")) + Prose.Of($"{setAside}."));
        foreach (var sentence in sentences) yield return sentence;
        foreach (var (comparison, m, standing) in values
            .Where(v => values.Count <= 4 || v.Metric.Outlier || results.IsRegisteredOutlier(v.Comparison, v.Metric)))
        {
            var words = standing switch
            {
                PublishedStanding.TooFewSeeds => "too few reproduced seeds to judge",
                PublishedStanding.RegisteredOutlier => "an outlier, as registered",
                PublishedStanding.UnregisteredOutlier => "an outlier, not registered",
                PublishedStanding.RegisteredNowWithin => "registered as an outlier, now within the range",
                _ => "within the range",
            };
            yield return new(Prose.Of($"{comparison.ConfigurationId} {m.Metric}: published {m.Published:0.0000}, at the ") +
                Prose.Of($"{m.Percentile:0}th percentile of {m.Reproduced.Count} seed{(m.Reproduced.Count == 1 ? "" : "s")} ") +
                Prose.Of($"({m.Reproduced[0]:0.0000}–{m.Reproduced[^1]:0.0000}): ") +
                Prose.Of($"{Prose.FailureIf(ExperimentResults.Fails(standing), words)}."),
                IsDetail: true);
        }
    }

    /// <summary>A tier's verdict in words, marked when it fails: report.md's summary and its baselines section agree.</summary>
    public static Prose Marked(ExactVerdict verdict, string text) => Prose.FailureIf(TierResults.Of(verdict) == TierResult.Fail, text);

    public static Prose Marked(EnsembleVerdict verdict, string text) =>
        Prose.FailureIf(TierResults.Of(verdict) == TierResult.Fail, text);

    /// <summary>The first few names, and how many more: a whole grid that regressed is one line, not 130 names.</summary>
    private static string Some(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count <= 5 ? string.Join(", ", list) : $"{string.Join(", ", list.Take(5))} and {list.Count - 5} more";
    }

    public static string Words(ExactVerdict verdict) => verdict switch
    {
        ExactVerdict.Match => "identical",
        ExactVerdict.NotComparable => "not comparable (another environment)",
        ExactVerdict.Regression => "regressed",
        ExactVerdict.Missing => "without baseline",
        ExactVerdict.Nondeterministic => "nondeterministic (two trainings disagreed)",
        ExactVerdict.Diverged => "diverged (no history: the loss became non-finite)",
        _ => "accepted",
    };

}

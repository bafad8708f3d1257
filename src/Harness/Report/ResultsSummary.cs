using System.Globalization;
using Harness.Baselines;

namespace Harness.Report;

/// <summary>
/// The summary of a reproduction in words: its headline with the sentence that qualifies it, and one item per tier, for the
/// claims and for the published runs. report.md and the conclusions block print the same sentences.
/// </summary>
public static class ResultsSummary
{
    /// <summary>The headline (<see cref="ExperimentResults.Headline"/>) and what follows it, e.g. ": every history verified
    /// bit for bit, and every verdict as registered."</summary>
    public static (string Headline, string Qualifier) Sentence(ExperimentResults results)
    {
        var notCompared = results.Exact.Count(e => e.Verdict == ExactVerdict.NotComparable);
        var unverified = new List<string>();
        if (!results.Complete) unverified.Add("this run checked only what its selected tests needed");
        if (notCompared > 0) unverified.Add(Invariant($"{notCompared} of {results.Exact.Count} histories could not be compared bit for bit"));
        if (results.NotEvaluated > 0)
            unverified.Add(Invariant($"{results.NotEvaluated} of {results.Claims.Count} claims were not evaluated (too few seeds: {string.Join("; ", results.Claims.Where(c => !c.Evaluated).Select(c => $"{c.Claim.Id} {c.Needs}"))})"));
        var rest = !results.Holds ? " — see the marked items below."
            : unverified.Count == 0 && results.Claims.All(c => c.AsRegistered) ? ": every history verified bit for bit, and every verdict as registered."
            : unverified.Count == 0 ? Invariant($": every history verified bit for bit, and no verdict contradicts its registration ({results.Claims.Count(c => !c.AsRegistered)} reached further or less far on other seeds than the snapshot's).")
            : $": {string.Join("; ", unverified)}.";
        return (results.Headline, rest);
    }

    /// <summary>One item per tier, then the claims and the published runs; an indented line qualifies the item above it.</summary>
    /// <param name="failure">How a failure's words are marked (report.md: bold that report.html styles as a failure); as they are by default.</param>
    public static IReadOnlyList<string> Items(ExperimentResults results, Func<string, string>? failure = null)
    {
        var fail = failure ?? (text => text);
        var items = new List<string>();
        if (results.Exact.Count > 0)
        {
            var verified = results.Exact.Count(e => TierResults.Of(e.Verdict) == TierResult.Pass);
            items.Add(Invariant($"Exact tier: {verified} of {results.Exact.Count} histories verified bit for bit (numerics profile {results.Fingerprint.Numerics})."));
            foreach (var reason in results.Exact.Where(e => e.Verdict == ExactVerdict.NotComparable).GroupBy(e => e.Message))
                items.Add(Invariant($"  - {reason.Count()} could not be compared. {reason.Key}"));
            foreach (var other in results.Exact.Where(e => TierResults.Of(e.Verdict) == TierResult.Fail).GroupBy(e => e.Verdict).OrderBy(g => g.Key))
                items.Add(Invariant($"  - {other.Count()} {fail(Words(other.Key))}: {Some(other.Select(e => e.RunId))}."));
        }
        if (results.Ensemble.Count > 0)
        {
            var ensemble = results.Ensemble.GroupBy(e => e.Verdict).OrderBy(g => g.Key)
                .Select(g => $"{g.Count()} {(TierResults.Of(g.Key) == TierResult.Fail ? fail(g.Key.ToString().ToLowerInvariant()) : g.Key.ToString().ToLowerInvariant())}");
            items.Add($"Ensemble tier: {string.Join(", ", ensemble)} (of {results.Ensemble.Count} configurations).");
            foreach (var failed in results.Ensemble.Where(e => TierResults.Of(e.Verdict) == TierResult.Fail))
                items.Add($"  - {failed.ConfigurationId}: {fail(failed.Verdict.ToString().ToLowerInvariant())}.");
        }
        if (results.Claims.Count > 0)
        {
            var verdicts = results.Claims.Where(c => c.Evaluated).GroupBy(c => c.Verdict).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}")
                .Concat(results.NotEvaluated > 0 ? [$"{results.NotEvaluated} not evaluated"] : []);
            var asRegistered = $"{results.Claims.Count(c => c.AsRegistered)} of {results.Claims.Count} as registered";
            items.Add($"Claims: {string.Join(", ", verdicts)}; {(results.ClaimsHold ? asRegistered : fail(asRegistered))}.");
        }
        if (results.Published.Count > 0)
        {
            var values = results.Published.SelectMany(p => p.Metrics.Select(m => (p.ConfigurationId, Metric: m))).ToList();
            bool Registered(string configuration, string metric) => results.RegisteredOutliers.Any(r => r.Configuration == configuration && r.Metric == metric);
            var outliers = values.Where(v => v.Metric.Outlier).ToList();
            var unregistered = outliers.Count(v => !Registered(v.ConfigurationId, v.Metric.Metric));
            items.Add($"Published runs: {results.Published.Count} compared, {outliers.Count} value(s) outside the reproduced range widened by one IQR" +
                      (outliers.Count == 0 ? "." : unregistered == 0 ? ", each registered as an outlier." : $", {fail($"{unregistered} of them not registered")}."));
            // Where each published value sits: all of them when they are few (an example's one stated number), else the ones
            // that stand out (outliers, and registered outliers now within).
            foreach (var (configuration, m) in values.Where(v => values.Count <= 4 || v.Metric.Outlier || Registered(v.ConfigurationId, v.Metric.Metric)))
            {
                var registered = Registered(configuration, m.Metric);
                var standing = m.TooFewSeeds ? "too few reproduced seeds to judge"
                    : m.Outlier ? (registered ? "an outlier, as registered" : fail("an outlier, not registered"))
                    : registered ? fail("registered as an outlier, now within the range") : "within the range";
                items.Add(Invariant($"  - {configuration} {m.Metric}: published {m.Published:0.0000}, at the {m.Percentile:0}th percentile of {m.Reproduced.Count} seeds ({m.Reproduced[0]:0.0000}–{m.Reproduced[^1]:0.0000}): {standing}."));
            }
        }
        return items;
    }

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
        _ => "accepted",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

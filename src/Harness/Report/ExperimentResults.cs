using Harness.Baselines;
using Harness.Claims;
using Harness.Config;
using Harness.History;
using Harness.Native;

namespace Harness.Report;

/// <summary>
/// Everything a reproduction found, frozen: the input of every report writer, which are pure functions of it
/// (so the same results give the same bytes). Wall times are deliberately absent; they go to a separate file.
/// </summary>
internal sealed record ExperimentResults(
    Experiment Experiment,
    EnvironmentFingerprint Fingerprint,
    IReadOnlyList<RunResult> Runs,
    IReadOnlyList<ExactCheck> Exact,
    IReadOnlyList<EnsembleCheck> Ensemble,
    IReadOnlyList<ClaimOutcome> Claims,
    IReadOnlyList<PublishedComparison> Published,
    IReadOnlyList<PublishedOutlier> RegisteredOutliers)
{
    public bool ExactHolds => Exact.All(e => TierResults.Of(e.Verdict) != TierResult.Fail);
    public bool EnsembleHolds => Ensemble.All(e => TierResults.Of(e.Verdict) != TierResult.Fail);
    public bool ClaimsHold => Claims.All(c => c.Holds);

    /// <summary>
    /// Claims with too few seeds for a verdict (a quick look with <c>--seeds 2</c>): not failures, but not verified
    /// either.
    /// </summary>
    public int NotEvaluated => Claims.Count(c => !c.Evaluated);

    public bool PublishedHolds => Published.All(p => p.Metrics.All(m => !Fails(Standing(p, m))));

    /// <summary>Where a published value stands: the one place a comparison is matched with the registered outliers.</summary>
    public PublishedStanding Standing(PublishedComparison comparison, PublishedMetric metric)
    {
        var registered = IsRegisteredOutlier(comparison, metric);
        return metric.TooFewSeeds ? PublishedStanding.TooFewSeeds
            : metric.Outlier ? (registered ? PublishedStanding.RegisteredOutlier : PublishedStanding.UnregisteredOutlier)
            : registered ? PublishedStanding.RegisteredNowWithin : PublishedStanding.Within;
    }

    /// <summary>Whether claims.json registers this published value as an outlier.</summary>
    public bool IsRegisteredOutlier(PublishedComparison comparison, PublishedMetric metric) =>
        RegisteredOutliers.Any(o => o.Configuration == comparison.ConfigurationId && o.Metric == metric.Metric);

    public static bool Fails(PublishedStanding standing) =>
        standing is PublishedStanding.UnregisteredOutlier or PublishedStanding.RegisteredNowWithin;

    /// <summary>Published runs overrides kept from every configuration of their settings: not compared, so not verified.</summary>
    public IReadOnlyList<SetAsidePublishedRun> PublishedSetAside { get; init; } = [];

    /// <summary>Runs that stopped on a non-finite loss, by run id: absent from <see cref="Runs"/>, and each one a failure.</summary>
    public IReadOnlyList<DivergedRun> Diverged { get; init; } = [];

    /// <summary>Nothing failed and every verdict is as registered: exit code 0.</summary>
    public bool Holds => ExactHolds && EnsembleHolds && ClaimsHold && PublishedHolds && Diverged.Count == 0;

    /// <summary>Histories the comparability rule kept from being compared bit for bit: then "everything holds" is never said.</summary>
    public int NotCompared => Exact.Count(e => e.Verdict == ExactVerdict.NotComparable);

    /// <summary>
    /// False for what a filtered test run found: only the checks its selected tests made, so nothing it says covers the
    /// whole experiment, and "everything holds" is never said.
    /// </summary>
    public bool Complete { get; init; } = true;

    /// <summary>Configurations with too few seeds for the ensemble tier's variance (<c>--seeds 1</c>): not compared, not failed.</summary>
    public int EnsembleNotCompared => Ensemble.Count(e => e.Verdict == EnsembleVerdict.TooFewSeeds);

    /// <summary>The summary's first line.</summary>
    public string Headline =>
        !Holds ? "Not everything holds"
        : Complete && NotCompared == 0 && NotEvaluated == 0 && EnsembleNotCompared == 0 && PublishedSetAside.Count == 0
            ? "Everything holds"
        : "Nothing failed, but not everything was verified";
}

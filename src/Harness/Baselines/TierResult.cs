namespace Harness.Baselines;

/// <summary>What a tier's verdict means for a test or an exit code: the one place that rule is written.</summary>
internal enum TierResult
{
    Pass,

    /// <summary>Neither passes nor fails: an environment the comparability rule does not compare, or too few seeds.</summary>
    Inconclusive,

    Fail,
}

internal static class TierResults
{
    public static TierResult Of(ExactVerdict verdict) => verdict switch
    {
        ExactVerdict.Match or ExactVerdict.Accepted => TierResult.Pass,
        ExactVerdict.NotComparable => TierResult.Inconclusive,
        _ => TierResult.Fail,
    };

    public static TierResult Of(EnsembleVerdict verdict) => verdict switch
    {
        EnsembleVerdict.Consistent or EnsembleVerdict.Accepted => TierResult.Pass,
        EnsembleVerdict.TooFewSeeds => TierResult.Inconclusive,
        _ => TierResult.Fail,
    };
}

namespace Harness.Baselines;

internal enum EnsembleVerdict
{
    /// <summary>No statistic differs at the corrected level.</summary>
    Consistent,

    /// <summary>At least one statistic differs at the corrected level.</summary>
    Inconsistent,

    /// <summary>No baseline entry for this configuration.</summary>
    Missing,

    /// <summary>Too few seeds on one side to estimate a variance.</summary>
    TooFewSeeds,

    /// <summary>HARNESS_ACCEPT=1: the entry was (re)written.</summary>
    Accepted,

    /// <summary>A seed of the configuration diverged: its survivors are not its distribution, so nothing is compared or accepted.</summary>
    Diverged,
}

/// <summary>The ensemble tier's conclusion for one configuration, with its evidence table.</summary>
internal sealed record EnsembleOutcome(EnsembleVerdict Verdict, string Message);

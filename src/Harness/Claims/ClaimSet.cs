namespace Harness.Claims;

/// <summary>An experiment's registered claims, with the statistical settings they share.</summary>
public sealed record ClaimSet(
    double Alpha,
    int Resamples,
    ulong BootstrapSeed,
    IReadOnlyList<Claim> Claims,
    IReadOnlyList<string> PublishedMetrics,
    IReadOnlyList<PublishedOutlier> PublishedOutliers,
    string Path,
    int MinimumSeeds = ClaimSet.DefaultMinimumSeeds)
{
    /// <summary>Below this many runs per group a percentile bootstrap is degenerate (two values per group give intervals
    /// like [0, 0]), so a part with fewer is Inconclusive whatever its interval says.</summary>
    public const int DefaultMinimumSeeds = 5;

    /// <summary>An experiment without a claims file: nothing to decide, and published runs compared on the default metrics.</summary>
    public static ClaimSet None(string path) => new(0.05, 4000, 1, [], ["final_val_loss", "final_val_acc"], [], path);
}

/// <summary>A published value registered as lying outside the reproduced range (widened by one IQR), with the reason.</summary>
public sealed record PublishedOutlier(string Configuration, string Metric, string Reason);

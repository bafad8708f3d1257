namespace Harness.Claims;

/// <summary>An experiment's registered claims, with the statistical settings they share.</summary>
public sealed record ClaimSet(
    double Alpha,
    int Resamples,
    ulong BootstrapSeed,
    IReadOnlyList<Claim> Claims,
    IReadOnlyList<string> PublishedMetrics,
    IReadOnlyList<PublishedOutlier> PublishedOutliers,
    string Path);

/// <summary>A published value registered as lying outside the reproduced range (widened by one IQR), with the reason.</summary>
public sealed record PublishedOutlier(string Configuration, string Metric, string Reason);

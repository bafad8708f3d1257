namespace Harness.Claims;

/// <summary>An experiment's registered claims, with the statistical settings they share.</summary>
internal sealed record ClaimSet(
    double Alpha,
    int Resamples,
    ulong BootstrapSeed,
    IReadOnlyList<Claim> All,
    IReadOnlyList<string> PublishedMetrics,
    IReadOnlyList<PublishedOutlier> PublishedOutliers,
    string Path,
    int MinimumSeeds = ClaimSet.DefaultMinimumSeeds,
    Sequential.SequentialPlan? Decide = null,
    Declaration? PlanDeclared = null)
{
    /// <summary>
    /// The floor for parts a t interval decides (thresholds, contrasts): exact for normal seeds at any n ≥ 2, but with
    /// fewer than five the normality it assumes cannot be checked at all. Parts with an exact test derive their own
    /// minimum from α/k instead (see <see cref="Comparisons.PartEvidence.MinimumSeeds"/>).
    /// </summary>
    public const int DefaultMinimumSeeds = 5;

    /// <summary>The plan <c>reproduce --decide</c> follows: the claims file's <c>decide</c> block, else the default budget.</summary>
    public Sequential.SequentialPlan DecidePlan => Decide ?? new(Sequential.SequentialPlan.DefaultMaxSeeds);

    /// <summary>When <see cref="Decide"/> was fixed relative to the data (<see cref="Declaration.Unrecorded"/> when the file
    /// does not say).</summary>
    public Declaration DecideDeclared => PlanDeclared ?? Declaration.Unrecorded;

    /// <summary>An experiment without a claims file: nothing to decide, and published runs compared on the default metrics.</summary>
    public static ClaimSet None(string path) => new(0.05, 4000, 1, [], ["final_val_loss", "final_val_acc"], [], path);
}

/// <summary>A published value registered as lying outside the reproduced range (widened by one IQR), with the reason.</summary>
internal sealed record PublishedOutlier(string Configuration, string Metric, string Reason);

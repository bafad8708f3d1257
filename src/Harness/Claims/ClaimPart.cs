namespace Harness.Claims;

/// <summary>How a part compares runs.</summary>
internal enum ComparisonTest
{
    /// <summary>P(A > B): Mann–Whitney U / (n·m), or over seed-matched pairs when <see cref="ClaimPart.Paired"/>.</summary>
    Probability,

    /// <summary>Spearman's ρ between an axis and the metric: a monotone trend.</summary>
    Trend,

    /// <summary>(mean A − mean B) − (mean C − mean D): whether an effect shrinks or grows between two settings.</summary>
    Contrast,

    /// <summary>The mean of the metric against a fixed value (e.g. "reaches at least 98% accuracy"), with a one-sample
    /// t interval over the seeds.</summary>
    Threshold,

    /// <summary>spread(A) / spread(B) across seeds (Brown–Forsythe): whether A varies less, or more, from seed to seed.</summary>
    Spread,
}

/// <summary>The side of the null value a claim asserts: above (P > ½, ρ > 0, contrast > 0, mean > threshold, spread ratio > 1)
/// or below.</summary>
internal enum ClaimedSide
{
    Greater,
    Less,
}

/// <summary>One comparison within a claim. Which filters apply depends on <see cref="Test"/>.</summary>
internal sealed record ClaimPart(
    string Name,
    ComparisonTest Test,
    ClaimedSide Side,
    bool Paired,
    RunFilter? Where = null,
    Harness.Settings.RunSetting? Axis = null,
    RunFilter? A = null,
    RunFilter? B = null,
    RunFilter? C = null,
    RunFilter? D = null,
    double? Value = null)
{
    /// <summary>Every filter the part uses: the runs it needs.</summary>
    public IEnumerable<RunFilter> Filters => new[] { Where, A, B, C, D }.OfType<RunFilter>();
}

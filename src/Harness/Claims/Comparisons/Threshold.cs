using Harness.Settings;
using Harness.Statistics;

namespace Harness.Claims.Comparisons;

/// <summary>
/// The mean of the metric against a fixed value, with a one-sample t interval over the seeds; the interval decides. The one
/// part still decided by normal theory (a mean has no distribution-free exact test), so its statistic says "parametric".
/// </summary>
internal static class Threshold
{
    public static PartEvidence Measure(PartData data)
    {
        var part = data.Part;
        var runs = data.Select(part.Where!, "where");
        var values = runs.Select(data.Metric).ToList();
        var threshold = part.Value!.Value;
        return new PartEvidence(
            Statistic: $"mean {data.Claim.Metric}[{part.Where!.Describe()}] vs {RunSetting.Format(threshold)}, one-sample t (parametric)",
            Effect: MeanInterval.StudentT(values, data.Level),
            NullValue: threshold,
            Groups: [new(part.Where.Describe(), values)],
            Used: runs,
            Test: null,
            MinimumSeeds: data.MinimumSeeds,
            SeedUnit: "seeds",
            Reachable: null,
            Difference: MeanInterval.StudentT(values.Select(v => v - threshold).ToList(), data.EquivalenceLevel));
    }
}

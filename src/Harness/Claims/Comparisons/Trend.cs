using System.Globalization;
using Harness.Settings;
using Harness.History;
using Harness.Statistics;

namespace Harness.Claims.Comparisons;

/// <summary>
/// Spearman's ρ between an axis and the metric within each seed, averaged over seeds, decided by permuting the values
/// within each seed (see <see cref="TrendTest"/>: exact, by convolving the seeds' own null distributions), with a t interval
/// over the seeds' ρ shown for its size (clamped to [−1, 1]). A ρ has no
/// scale in the metric's units, so an equivalence band does not apply.
/// </summary>
internal static class Trend
{
    public static PartEvidence Measure(PartData data)
    {
        var part = data.Part;
        var runs = data.Select(part.Where!, "where");
        double Level(RunResult r) => Convert.ToDouble(part.Axis!.Effective(r.Config), CultureInfo.InvariantCulture);
        var levels = runs.GroupBy(Level).OrderBy(g => g.Key).ToList();
        if (levels.Count < 2) throw new InvalidOperationException($"Claim {data.Claim.Id}, part '{part.Name}': the runs span " +
            $"{levels.Count} value of {part.Axis}; a trend needs 2.");

        var blocks = runs.GroupBy(r => r.Config.Seed).OrderBy(g => g.Key)
            .Select(g => new TrendTest.Block(g.Select(Level).ToList(), g.Select(data.Metric).ToList())).ToList();
        var test = TrendTest.WithinBlocks(blocks, data.Resamples * 5, data.Seed);
        var t = MeanInterval.StudentT(blocks.Select(b => b.Rho).ToList(), data.Level);
        var effect = t with { Lower = Math.Max(-1, t.Lower), Upper = Math.Min(1, t.Upper) };
        return new PartEvidence(
            Statistic: $"ρ({part.Axis!.Name}, {data.Claim.Metric}) within seeds",
            Effect: effect,
            NullValue: 0,
            Groups: levels.Select(g => new GroupEvidence($"{part.Axis.Token}={RunSetting.Format(g.Key)}", g.Select(data.Metric).ToList()))
                .ToList(),
            Used: runs,
            Test: new ExactTest(test.PTwoSided, test.Observed > 0 ? ClaimedSide.Greater : ClaimedSide.Less,
                $"permutation within {blocks.Count} seeds{(test.Exact ? "" : " (Monte Carlo)")}"),
            MinimumSeeds: TrendTest.MinimumBlocks(levels.Count, data.Alpha),
            SeedUnit: "seeds",
            Reachable: null,
            Difference: null);
    }
}

using System.Globalization;
using System.Text;
using Harness.Settings;
using Harness.History;
using Harness.Metrics;
using Harness.Statistics;

namespace Harness.Claims;

/// <summary>Where one published value sits among the reproduced seeds.</summary>
/// <param name="Outlier">Outside [min − IQR, max + IQR] of the reproduced values (never judged on too few seeds).</param>
/// <param name="TooFewSeeds">Fewer reproduced seeds than the claims' minimum: the range says too little to judge.</param>
internal sealed record PublishedMetric(string Metric, double Published, IReadOnlyList<double> Reproduced,
    double Percentile, double Iqr, bool Outlier,
    bool TooFewSeeds = false);

/// <summary>
/// The tutorial's single published run of a configuration against the reproduced seed distribution: its percentile,
/// and whether it falls outside the reproduced range widened by one IQR (a deliberately loose band: with 10 seeds the
/// observed range is itself narrow, and a single run is allowed to be unlucky).
/// </summary>
internal sealed record PublishedComparison(string ConfigurationId, IReadOnlyList<PublishedMetric> Metrics)
{
    /// <exception cref="ArgumentException">A reproduced run trained with other settings than the published run (a seed apart): a
    /// comparison that would say nothing true, refused (<see cref="SetAsidePublishedRun"/>).</exception>
    public static PublishedComparison Compare(PublishedRun published, IReadOnlyList<RunResult> reproduced, IReadOnlyList<string> metrics,
        int minimumSeeds = ClaimSet.DefaultMinimumSeeds)
    {
        var (other, differences) = reproduced.Select(r => (r, SettingDifference.Between(published.Config, r.Config)))
            .FirstOrDefault(m => m.Item2.Count > 0);
        if (other is not null)
            throw new ArgumentException($"The published run of {published.ConfigurationId} is not compared with run {other.RunId}, " +
                $"which trained with other settings: {string.Join(", ", differences.Select(d =>
                    $"{d.Setting} {d.Value} published, {d.OtherValue} reproduced"))}.", nameof(reproduced));
        return new(published.ConfigurationId, metrics.Where(m => published.Metric(m) is not null).Select(metric =>
        {
            var value = published.Metric(metric)!.Value;
            var values = reproduced.Select(r => RunMetrics.Compute(metric, r.History)).Order().ToList();
            var iqr = Describe.InterquartileRange(values);
            var tooFew = values.Count < minimumSeeds;
            return new PublishedMetric(metric, value, values, Describe.Percentile(value, values), iqr,
                !tooFew && (value < values[0] - iqr || value > values[^1] + iqr), tooFew);
        }).ToList());
    }

    public string Render()
    {
        var text = new StringBuilder();
        foreach (var m in Metrics)
        {
            var where = m.TooFewSeeds ? $"too few reproduced seeds to judge ({m.Reproduced.Count})"
                : m.Outlier ? "OUTSIDE the range widened by one IQR" : "within the range widened by one IQR";
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{ConfigurationId}: published {m.Metric} {m.Published:0.0000} is at the {m.Percentile:0}th percentile of " +
                $"{m.Reproduced.Count} reproduced seeds (range {m.Reproduced[0]:0.0000}–{m.Reproduced[^1]:0.0000}, median " +
                $"{Describe.Median(m.Reproduced):0.0000}, IQR {m.Iqr:0.0000}) — {where}"));
        }
        return text.ToString();
    }
}

using System.Globalization;
using Harness.Settings;
using Harness.History;
using Harness.Statistics;

namespace Harness.Claims.Comparisons;

/// <summary>
/// The check made before any comparison runs: a part whose groups hold runs of fewer than two seeds (a paired part: fewer
/// than two seeds with a pair) is not evaluated, nor even measured. Every comparison takes seeds as its independent draws,
/// and one seed has no spread for an interval, no sign to test, no ρ to average: a quick look with <c>--seeds 1</c> (or a
/// grid of one seed) reads "needs ≥ N … (has 1)" where a comparison would throw. So the comparisons never see fewer than two.
/// </summary>
/// <remarks>
/// The fewest seeds each test could ever decide on, and what they count, are the comparisons' own (<see cref="PartEvidence"/>'s
/// MinimumSeeds and SeedUnit); they are repeated here because a part this check stops never reaches its comparison.
/// </remarks>
internal static class TooFewSeeds
{
    /// <summary>The part, not evaluated, when it has fewer than two seeds to compare; null when its comparison can run.</summary>
    public static PartOutcome? Check(PartData data)
    {
        var part = data.Part;
        var groups = Filters(part).Select(f => (Filter: f, Runs: data.Results.Where(r => f.Matches(r.Config)).ToList())).ToList();
        // A group with no run at all is no seed count but a filter that selects nothing: its comparison says so.
        if (groups.Any(g => g.Runs.Count == 0)) return null;
        var seeds = part is { Test: ComparisonTest.Probability, Paired: true }
            ? PairedSeeds(groups[0].Runs, groups[1].Runs, part.A!.DiffersFrom(part.B!))
            : groups.Min(g => g.Runs.Select(r => r.Config.Seed).Distinct().Count());
        if (seeds >= 2) return null;

        // At least two, this check's own floor, even where a test's could be lower (a trend over five depths: one seed's 5!
        // orders could reach α, but one ρ has no interval).
        var shared = groups.Count > 1
            && groups[0].Runs.Select(r => r.Config.Seed).Intersect(groups[^1].Runs.Select(r => r.Config.Seed)).Any();
        var (minimum, unit) = Minimum(data, groups[0].Runs, shared);
        minimum = Math.Max(2, minimum);
        var evidence = part.Test == ComparisonTest.Trend
            ? groups[0].Runs.GroupBy(r => Level(part, r)).OrderBy(g => g.Key)
                .Select(g => new GroupEvidence($"{part.Axis!.Token}={RunSetting.Format(g.Key)}", g.Select(data.Metric).ToList())).ToList()
            : groups.Select(g => new GroupEvidence(g.Filter.Describe(), g.Runs.Select(data.Metric).ToList())).ToList();
        return new PartOutcome(part, Statistic(data), new Interval(double.NaN, double.NaN, double.NaN, data.Level), NullValue(part),
            ClaimVerdict.Inconclusive, evidence, seeds, minimum, TooFewSeeds: true, Alpha: data.Alpha, SeedUnit: unit, Measured: false);
    }

    /// <summary>The part's groups, in the order its comparison reads them.</summary>
    private static IReadOnlyList<RunFilter> Filters(ClaimPart part) => part.Test switch
    {
        ComparisonTest.Probability or ComparisonTest.Spread => [part.A!, part.B!],
        ComparisonTest.Contrast => [part.A!, part.B!, part.C!, part.D!],
        _ => [part.Where!],
    };

    /// <summary>Seeds with an A and a B run that agree on every setting the part does not contrast, as the sign test pairs them.</summary>
    private static int PairedSeeds(List<RunResult> a, List<RunResult> b, IReadOnlySet<RunSetting> contrasted)
    {
        var shared = RunSettings.Of(a.Concat(b).Select(r => r.Config)).Where(s => !contrasted.Contains(s)).ToList();
        string Key(RunResult run) => RunSettings.Key(run.Config, shared);
        return a.Join(b, Key, Key, (x, _) => x.Config.Seed).Distinct().Count();
    }

    /// <param name="shared">Whether the first and last groups share seeds: the two-group and contrast tests then permute within
    /// seeds, and need as many shared seeds as the sign test needs pairs.</param>
    private static (int Minimum, string Unit) Minimum(PartData data, List<RunResult> where, bool shared) => data.Part switch
    {
        { Test: ComparisonTest.Probability, Paired: true } => (SignTest.MinimumPairs(data.Alpha), "seed pairs"),
        { Test: ComparisonTest.Probability or ComparisonTest.Spread } when shared =>
            (SignTest.MinimumPairs(data.Alpha), "seeds in both groups"),
        { Test: ComparisonTest.Probability or ComparisonTest.Spread } => (PermutationTest.MinimumPerGroup(data.Alpha), "seeds per group"),
        { Test: ComparisonTest.Contrast } when shared => (SignTest.MinimumPairs(data.Alpha), "seeds in both effects"),
        // A trend over a single level never runs: its comparison says so once there are seeds enough.
        { Test: ComparisonTest.Trend } => (TrendTest.MinimumBlocks(Math.Max(2, where.Select(r => Level(data.Part, r)).Distinct().Count()),
            data.Alpha), "seeds"),
        { Test: ComparisonTest.Contrast } => (PermutationTest.MinimumPerGroup(data.Alpha), "seeds per effect"),
        _ => (data.MinimumSeeds, "seeds"),
    };

    private static double Level(ClaimPart part, RunResult run) =>
        Convert.ToDouble(part.Axis!.Effective(run.Config), CultureInfo.InvariantCulture);

    private static double NullValue(ClaimPart part) => part.Test switch
    {
        ComparisonTest.Probability => 0.5,
        ComparisonTest.Threshold => part.Value!.Value,
        ComparisonTest.Spread => 1,
        _ => 0,
    };

    /// <summary>What the comparison would have measured, in its words: the report says it was not.</summary>
    private static string Statistic(PartData data)
    {
        var (part, metric) = (data.Part, data.Claim.Metric);
        var contrasted = part is { A: { } a, B: { } b } ? a.DiffersFrom(b) : null;
        return part.Test switch
        {
            ComparisonTest.Probability => $"P({metric}[{part.A!.Describe(contrasted)}] > {metric}[{part.B!.Describe(contrasted)}])" +
                (part.Paired ? ", paired by seed" : ""),
            ComparisonTest.Trend => $"ρ({part.Axis!.Name}, {metric}) within seeds",
            ComparisonTest.Spread =>
                $"spread({metric}[{part.A!.Describe(contrasted)}]) / spread({metric}[{part.B!.Describe(contrasted)}]) across seeds",
            ComparisonTest.Contrast => $"({part.A!.Describe()} − {part.B!.Describe()}) − ({part.C!.Describe()} − {part.D!.Describe()}) " +
                $"in mean {metric}",
            _ => $"mean {metric}[{part.Where!.Describe()}] vs {RunSetting.Format(part.Value!.Value)}",
        };
    }
}

using Harness.Settings;
using Harness.History;
using Harness.Statistics;

namespace Harness.Claims.Comparisons;

/// <summary>
/// Whether an effect shrinks or grows: (mean A − mean B) − (mean C − mean D). Where A pairs with B and C with D by seed (the
/// usual design: the same seeds at both settings), each seed gives a within-seed effect, A − B or C − D, and the part is
/// decided by the permutation test of the two groups of effects, within seeds (<see cref="SeedStrata"/>), with the
/// difference of their means as the statistic: no assumption about the metric's distribution. Welch's t interval of the
/// contrast is shown for its size. Without seed-matched effects the Welch interval decides, and says it is parametric.
/// </summary>
internal static class Contrast
{
    public static PartEvidence Measure(PartData data)
    {
        var part = data.Part;
        var filters = new[] { (part.A!, "A"), (part.B!, "B"), (part.C!, "C"), (part.D!, "D") };
        var sets = filters.Select(f => data.Select(f.Item1, f.Item2)).ToList();
        var groups = sets.Select((s, i) => new GroupEvidence(filters[i].Item1.Describe(), s.Select(data.Metric).ToList())).ToList();
        IReadOnlyList<double> coefficients = [1, -1, -1, 1];
        var welch = MeanInterval.Contrast(groups.Select(g => g.Values).ToList(), coefficients, data.Level);
        var label = $"({groups[0].Label} − {groups[1].Label}) − ({groups[2].Label} − {groups[3].Label}) in mean {data.Claim.Metric}";
        var (first, second) = (WithinSeed(data, part.A!, part.B!, sets[0], sets[1]), WithinSeed(data, part.C!, part.D!, sets[2], sets[3]));
        var difference = MeanInterval.Contrast(groups.Select(g => g.Values).ToList(), coefficients, data.EquivalenceLevel);
        var used = sets.SelectMany(s => s).ToList();

        if (first.Count < 2 || second.Count < 2)
            return new PartEvidence($"{label}, Welch t (parametric: no seed-matched effects to permute)", welch, 0, groups, used,
                Test: null, data.MinimumSeeds, "seeds per group", Reachable: null, difference);

        var strata = SeedStrata.Of(first, second);
        var seeds = first.Select(e => e.Seed).Union(second.Select(e => e.Seed)).Count();
        var permutation = PermutationTest.Stratified(strata, Effects.MeanDifference, data.Resamples * 5, data.Seed);
        var pairs = SeedStrata.ArePairs(strata);
        return new PartEvidence(
            Statistic: $"{label}, Welch t interval",
            Effect: welch,
            NullValue: 0,
            Groups: groups,
            Used: used,
            Test: new ExactTest(permutation.PTwoSided, permutation.Observed > 0 ? ClaimedSide.Greater : ClaimedSide.Less,
                $"permutation of within-seed effects {SeedStrata.Describe(strata, seeds)}{(permutation.Exact ? "" : " (Monte Carlo)")}"),
            MinimumSeeds: pairs ? SignTest.MinimumPairs(data.Alpha) : PermutationTest.MinimumPerGroup(data.Alpha),
            SeedUnit: pairs ? "seeds in both effects" : "seeds per effect",
            Reachable: PermutationTest.SmallestTwoSidedP(strata) <= data.Alpha,
            Difference: difference);
    }

    /// <summary>Each seed's effect X − Y: the mean over the seed's pairs that agree on every setting X and Y do not contrast.</summary>
    private static List<(int Seed, double Value)> WithinSeed(PartData data, RunFilter x, RunFilter y, List<RunResult> xs,
        List<RunResult> ys)
    {
        var contrasted = x.DiffersFrom(y);
        var shared = RunSettings.Of(xs.Concat(ys).Select(r => r.Config)).Where(s => !contrasted.Contains(s)).ToList();
        string Key(RunResult r) => RunSettings.Key(r.Config, shared);
        return [.. xs.Join(ys, Key, Key, (p, q) => (Seed: p.Config.Seed, Effect: data.Metric(p) - data.Metric(q)))
            .GroupBy(e => e.Seed).OrderBy(g => g.Key).Select(g => (g.Key, g.Average(e => e.Effect)))];
    }
}

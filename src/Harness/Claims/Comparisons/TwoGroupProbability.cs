using Harness.Statistics;

namespace Harness.Claims.Comparisons;

/// <summary>
/// P(A &gt; B) between two groups of runs (Mann–Whitney U / n·m), decided by the exact permutation test within seeds
/// (<see cref="SeedStrata"/>): groups that share seeds (n = 6000 against n = 1000 at the same depth: the same initial
/// weights) only swap the runs of a seed, which is what makes the test exact for them. The bootstrap interval is shown
/// for the size of the effect; it collapses to [0, 0] under complete separation, which is why it does not decide.
/// </summary>
internal static class TwoGroupProbability
{
    public static PartEvidence Measure(PartData data)
    {
        var part = data.Part;
        var (a, b) = (data.Select(part.A!, "A"), data.Select(part.B!, "B"));
        var contrasted = part.A!.DiffersFrom(part.B!);
        var (valuesA, valuesB) = (a.Select(data.Metric).ToList(), b.Select(data.Metric).ToList());
        var strata = SeedStrata.Of(a.Select(r => (r.Config.Seed, data.Metric(r))), b.Select(r => (r.Config.Seed, data.Metric(r))));
        var seeds = a.Concat(b).Select(r => r.Config.Seed).Distinct().Count();
        var permutation = PermutationTest.ProbabilityGreater(strata, data.Resamples * 5, data.Seed);
        var metric = data.Claim.Metric;
        var pairs = SeedStrata.ArePairs(strata);
        return new PartEvidence(
            Statistic: $"P({metric}[{part.A.Describe(contrasted)}] > {metric}[{part.B!.Describe(contrasted)}])",
            Effect: Bootstrap.Percentile([valuesA, valuesB], g => Effects.ProbabilityGreater(g[0], g[1]),
                data.Level, data.Resamples, data.Seed),
            NullValue: 0.5,
            Groups: [new(part.A.Describe(), valuesA), new(part.B.Describe(), valuesB)],
            Used: a.Concat(b).ToList(),
            Test: new ExactTest(permutation.PTwoSided, permutation.Observed > 0.5 ? ClaimedSide.Greater : ClaimedSide.Less,
                $"permutation {SeedStrata.Describe(strata, seeds)}{(permutation.Exact ? "" : " (Monte Carlo)")}"),
            MinimumSeeds: pairs ? SignTest.MinimumPairs(data.Alpha) : PermutationTest.MinimumPerGroup(data.Alpha),
            SeedUnit: pairs ? "seeds in both groups" : "seeds per group",
            // Exact from the actual strata: 5 against 10 independent seeds can give 2/C(15, 5) = 0.00067, 5 shared seeds only 2/2⁵.
            Reachable: PermutationTest.SmallestTwoSidedP(strata) <= data.Alpha,
            Difference: MeanInterval.Contrast([valuesA, valuesB], [1, -1], data.EquivalenceLevel));
    }
}

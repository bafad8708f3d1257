using Harness.Statistics;

namespace Harness.Claims.Comparisons;

/// <summary>
/// P(A &gt; B) between two groups of runs (Mann–Whitney U / n·m), decided by the exact permutation test. The bootstrap
/// interval is shown for the size of the effect; it collapses to [0, 0] under complete separation, which is why it
/// does not decide.
/// </summary>
public static class TwoGroupProbability
{
    public static PartEvidence Measure(PartData data)
    {
        var part = data.Part;
        var (a, b) = (data.Select(part.A!, "A"), data.Select(part.B!, "B"));
        var contrasted = part.A!.DiffersFrom(part.B!);
        var (valuesA, valuesB) = (a.Select(data.Metric).ToList(), b.Select(data.Metric).ToList());
        var permutation = PermutationTest.ProbabilityGreater(valuesA, valuesB, data.Resamples * 5, data.Seed);
        var metric = data.Claim.Metric;
        return new PartEvidence(
            Statistic: $"P({metric}[{part.A.Describe(contrasted)}] > {metric}[{part.B!.Describe(contrasted)}])",
            Effect: Bootstrap.Percentile([valuesA, valuesB], g => Effects.ProbabilityGreater(g[0], g[1]),
                data.Level, data.Resamples, data.Seed),
            NullValue: 0.5,
            Groups: [new(part.A.Describe(), valuesA), new(part.B.Describe(), valuesB)],
            Used: a.Concat(b).ToList(),
            Test: new ExactTest(permutation.PTwoSided, permutation.Observed > 0.5 ? ClaimedSide.Greater : ClaimedSide.Less,
                $"permutation test{(permutation.Exact ? "" : " (Monte Carlo)")}"),
            MinimumSeeds: PermutationTest.MinimumPerGroup(data.Alpha),
            SeedUnit: "seeds per group",
            // Unequal groups reach further than the equal-group minimum: 5 against 10 seeds can give 2/C(15, 5) = 0.00067.
            Reachable: 2 * Math.Exp(-Combinatorics.LogChoose(a.Count + b.Count, a.Count)) <= data.Alpha,
            Difference: MeanInterval.Contrast([valuesA, valuesB], [1, -1], data.EquivalenceLevel));
    }
}

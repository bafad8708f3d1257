using Harness.History;
using Harness.Statistics;

namespace Harness.Claims.Comparisons;

/// <summary>
/// Whether a metric varies less across seeds in group A than in group B: "method X is more stable across seeds". The spread is
/// Brown–Forsythe's (<see cref="BrownForsythe"/>): each run's absolute deviation from the median of its configuration, averaged.
/// The effect is the ratio spread(A) / spread(B), with a bootstrap interval over seeds (<see cref="SpreadBootstrap"/>); the
/// null is 1.
/// <para>
/// The test permutes the deviations within seeds (<see cref="SeedStrata"/>), with the difference of their means as the
/// statistic: each seed contributes its mean deviation in A and in B, and where the groups share seeds (the usual design:
/// dropout 0.2 and 0 from the same initial weights) the test flips each seed's pair, so 10 seeds give 2¹⁰ = 1024 equally
/// likely flips and p-values in multiples of 1/1024. On disjoint seeds it is the ordinary two-group permutation test.
/// </para>
/// <para>
/// Why the deviations are measured from the observed medians once, and not re-measured after each flip. Re-measuring
/// would make the test exact for the sharp null that A and B runs of a seed are exchangeable — the same spread <i>and</i> the
/// same location. But dropout moves the level of the loss as well, and a flip then mixes two levels into each group: every
/// flipped group looks wider, the observed ratio looks extreme against them, and a shift in level alone would be read as a
/// difference in spread. Measured once, the deviations are centred on each group's own level, and the flip test is exact for
/// the null that a seed's two deviations are exchangeable. Equal spreads give exactly that for deviations from the true
/// medians; from estimated ones it holds up to the estimation of the centre, which is the same for both groups (they have the
/// same seeds). That approximation is measured, not assumed (SpreadCalibrationTests: ten seeds, α = 0.05, equal spreads at
/// different levels, a seed's two runs correlated): normal metrics are decided 3.8% of the time, moderately skewed ones
/// (lognormal, σ = ½) 5.5%, near α; a simulation of very skewed ones (lognormal, σ = 1) found 6.6%, so the test is somewhat
/// liberal there. Re-measuring the medians of the centred values after each flip did worse in the same simulation.
/// </para>
/// </summary>
internal static class Spread
{
    public static PartEvidence Measure(PartData data)
    {
        var part = data.Part;
        var (a, b) = (data.Select(part.A!, "A"), data.Select(part.B!, "B"));
        var contrasted = part.A!.DiffersFrom(part.B!);
        var (runsA, runsB) = (Runs(data, a), Runs(data, b));
        var (deviationsA, deviationsB) = (SeedDeviations(runsA), SeedDeviations(runsB));
        var strata = SeedStrata.Of(deviationsA, deviationsB);
        var seeds = a.Concat(b).Select(r => r.Config.Seed).Distinct().Count();
        var permutation = PermutationTest.Stratified(strata, Effects.MeanDifference, data.Resamples * 5, data.Seed);
        var bootstrap = SpreadBootstrap.Of(runsA, runsB, data.Level, data.EquivalenceLevel, data.Resamples, data.Seed);
        var metric = data.Claim.Metric;
        var pairs = SeedStrata.ArePairs(strata);
        return new PartEvidence(
            Statistic: $"spread({metric}[{part.A.Describe(contrasted)}]) / spread({metric}[{part.B!.Describe(contrasted)}]) across " +
                "seeds, each the mean absolute deviation from its configuration's median (Brown–Forsythe), bootstrap over seeds",
            Effect: bootstrap.Ratio,
            NullValue: 1,
            Groups: [new(part.A.Describe(), a.Select(data.Metric).ToList()), new(part.B.Describe(), b.Select(data.Metric).ToList())],
            Used: [.. a, .. b],
            Test: new ExactTest(permutation.PTwoSided, permutation.Observed > 0 ? ClaimedSide.Greater : ClaimedSide.Less,
                $"permutation of deviations from the median {SeedStrata.Describe(strata, seeds)}" +
                (permutation.Exact ? "" : " (Monte Carlo)")),
            MinimumSeeds: pairs ? SignTest.MinimumPairs(data.Alpha) : PermutationTest.MinimumPerGroup(data.Alpha),
            SeedUnit: pairs ? "seeds in both groups" : "seeds per group",
            Reachable: PermutationTest.SmallestTwoSidedP(strata) <= data.Alpha,
            Difference: bootstrap.Difference,
            Measure: DifferenceMeasure.Spread);
    }

    private static List<SpreadBootstrap.Run> Runs(PartData data, List<RunResult> runs) =>
        [.. runs.Select(r => new SpreadBootstrap.Run(r.Config.Seed, r.Config.ConfigurationId, data.Metric(r)))];

    /// <summary>Each seed's mean deviation over its runs in the group (one per configuration the group pools), by seed.</summary>
    private static List<(int Seed, double Value)> SeedDeviations(List<SpreadBootstrap.Run> runs)
    {
        var deviations = BrownForsythe.Deviations([.. runs.Select(r => (r.Cell, r.Value))]);
        return [.. runs.Select((r, i) => (r.Seed, Deviation: deviations[i])).GroupBy(d => d.Seed).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Average(d => d.Deviation)))];
    }
}

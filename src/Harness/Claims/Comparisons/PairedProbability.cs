using Harness.Settings;
using Harness.History;
using Harness.Statistics;

namespace Harness.Claims.Comparisons;

/// <summary>
/// P(A &gt; B) over seed-matched pairs, decided by the exact sign test. Pairs of one seed share its init and shuffle
/// streams, so a part pooled over several settings (50 pairs from 10 seeds) contributes one difference per seed, the mean
/// over that seed's pairs, and the test and its Clopper–Pearson interval count seeds, not pairs.
/// </summary>
internal static class PairedProbability
{
    public static PartEvidence Measure(PartData data)
    {
        var part = data.Part;
        var (a, b) = (data.Select(part.A!, "A"), data.Select(part.B!, "B"));
        var contrasted = part.A!.DiffersFrom(part.B!);
        var shared = RunSettings.Of(a.Concat(b).Select(r => r.Config)).Where(s => !contrasted.Contains(s)).ToList();
        var pairs = a.Join(b, r => PairKey(r, shared), r => PairKey(r, shared), (x, y) => (A: x, B: y)).ToList();
        if (pairs.Count < 2) throw new InvalidOperationException($"Claim {data.Claim.Id}, part '{part.Name}': {pairs.Count} seed-matched " +
            "pairs; at least 2 are needed.");

        var differences = pairs.GroupBy(p => p.A.Config.Seed).OrderBy(g => g.Key)
            .Select(g => g.Average(p => data.Metric(p.A) - data.Metric(p.B))).ToList();
        var sign = SignTest.Paired(differences);
        var metric = data.Claim.Metric;
        return new PartEvidence(
            Statistic: $"P({metric}[{part.A.Describe(contrasted)}] > {metric}[{part.B!.Describe(contrasted)}]), paired by seed",
            Effect: ClopperPearson.Of(sign.Greater, Math.Max(1, sign.Greater + sign.Less), data.Level,
                Effects.ProbabilityGreaterPaired(differences)),
            NullValue: 0.5,
            Groups: [new(part.A.Describe(), pairs.Select(p => data.Metric(p.A)).ToList()),
                new(part.B.Describe(), pairs.Select(p => data.Metric(p.B)).ToList())],
            Used: pairs.Select(p => p.A).ToList(),
            Test: new ExactTest(sign.PTwoSided, sign.Greater > sign.Less ? ClaimedSide.Greater : ClaimedSide.Less,
                $"sign test over {differences.Count} seeds"),
            MinimumSeeds: SignTest.MinimumPairs(data.Alpha),
            SeedUnit: "seed pairs",
            Reachable: null,
            Difference: MeanInterval.StudentT(differences, data.EquivalenceLevel));
    }

    /// <summary>Seed-matched pairing: runs pair up when they agree on every setting the comparison does not contrast.</summary>
    private static string PairKey(RunResult run, IReadOnlyList<RunSetting> shared) => RunSettings.Key(run.Config, shared);
}

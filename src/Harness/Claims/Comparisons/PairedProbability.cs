using Harness.Claims.Sequential;
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
        var level = ExactLevel(data, differences);
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
            MinimumSeeds: SignTest.MinimumPairs(level is { Nominal: > 0 } exact ? exact.Nominal : data.Alpha),
            SeedUnit: "seed pairs",
            Reachable: null,
            Difference: MeanInterval.StudentT(differences, data.EquivalenceLevel),
            Level: level);
    }

    /// <summary>
    /// After a plan's first look with exact boundaries, the sign test's nominal level at this look given the looks before
    /// (<see cref="SequentialSignBoundary"/>); null otherwise (the part's α share: at the first look the two decide alike).
    /// Look j's runs are each configuration's first seeds, so its differences are the first of these, in seed order.
    /// </summary>
    private static TestLevel? ExactLevel(PartData data, IReadOnlyList<double> differences)
    {
        if (data.Position is not { Boundaries: SequentialBoundaries.Exact, Look: > 1 } position) return null;
        var untied = position.Seeds.Select((seeds, j) => (j == position.Look - 1 ? differences : differences.Take(seeds))
            .Count(d => d != 0)).ToList();
        var nominal = SequentialSignBoundary.NominalLevels(untied, position.PartSpent(data.Claim.Parts.Count))[^1];
        return new TestLevel(nominal, nominal > 0
            ? $"exact sequential boundary (nominal level {ClaimText.P(nominal)} at look {position.Look})"
            : $"exact sequential boundary (no count decides at look {position.Look})");
    }

    /// <summary>Seed-matched pairing: runs pair up when they agree on every setting the comparison does not contrast.</summary>
    private static string PairKey(RunResult run, IReadOnlyList<RunSetting> shared) => RunSettings.Key(run.Config, shared);
}

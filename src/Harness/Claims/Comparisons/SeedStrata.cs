using Harness.Statistics;

namespace Harness.Claims.Comparisons;

/// <summary>
/// The exchangeable sets a two-group permutation test may re-deal labels within. Runs of one seed share its initialisation and
/// shuffle streams, so they are not independent of each other: swapping a run of seed 1 with a run of seed 6 would treat
/// them as interchangeable when they are not. Under the null, though, the runs of one seed are exchangeable among
/// themselves, and so are runs whose seeds have no other run here (independent draws). So: one stratum per seed with two or
/// more values, and one stratum for all the seeds with a single value. Two groups on disjoint seeds (one run each) make a
/// single stratum: the ordinary permutation test. Two groups on the same seeds make seed pairs: a sign-flip test.
/// </summary>
internal static class SeedStrata
{
    public static IReadOnlyList<Stratum> Of(IEnumerable<(int Seed, double Value)> a, IEnumerable<(int Seed, double Value)> b)
    {
        var runs = a.Select(r => (r.Seed, r.Value, InA: true)).Concat(b.Select(r => (r.Seed, r.Value, InA: false))).ToList();
        var bySeed = runs.GroupBy(r => r.Seed).OrderBy(g => g.Key).ToList();
        var strata = bySeed.Where(g => g.Count() > 1).Select(Stratum).ToList();
        var singles = bySeed.Where(g => g.Count() == 1).SelectMany(g => g).ToList();
        if (singles.Count > 0) strata.Add(Stratum(singles));
        return strata;

        static Stratum Stratum(IEnumerable<(int Seed, double Value, bool InA)> set) =>
            new([.. set.Where(r => r.InA).Select(r => r.Value)], [.. set.Where(r => !r.InA).Select(r => r.Value)]);
    }

    /// <summary>Whether every stratum is a seed's pair (one value of each group): the test is then a sign flip per seed.</summary>
    public static bool ArePairs(IReadOnlyList<Stratum> strata) => strata.All(s => s.A.Count == 1 && s.B.Count == 1);

    /// <summary>"within 10 seeds", or "across 12 independent seeds" when no seed holds more than one run.</summary>
    public static string Describe(IReadOnlyList<Stratum> strata, int seeds) =>
        strata.Count == 1 && seeds == strata[0].A.Count + strata[0].B.Count ? $"across {seeds} independent seeds" : $"within {seeds} seeds";
}

namespace Harness.Statistics;

/// <summary>
/// Percentile bootstrap of two groups' spreads (<see cref="BrownForsythe.Spread"/>), resampling seeds, not runs: a seed's
/// runs share its initialisation and shuffle streams, so they are drawn together, and where the groups share seeds a drawn
/// seed brings its runs in both groups (the pairing the test uses). Groups on disjoint seeds are resampled each on its own.
/// Every resample recomputes the cells' medians, so the interval carries their uncertainty too.
/// </summary>
internal static class SpreadBootstrap
{
    /// <summary>One run: its seed, its cell (configuration) and its metric value.</summary>
    public sealed record Run(int Seed, string Cell, double Value);

    /// <param name="Ratio">spread(A) / spread(B), at <c>level</c>.</param>
    /// <param name="Difference">spread(A) − spread(B) in the metric's units, at <c>equivalenceLevel</c>: what a negligible band is
    /// checked against.</param>
    public sealed record Result(Interval Ratio, Interval Difference);

    public static Result Of(IReadOnlyList<Run> a, IReadOnlyList<Run> b, double level, double equivalenceLevel, int resamples,
        ulong seed)
    {
        var (spreadA, spreadB) = (Spread(a), Spread(b));
        var bySeedA = a.GroupBy(r => r.Seed).ToDictionary(g => g.Key, g => g.ToList());
        var bySeedB = b.GroupBy(r => r.Seed).ToDictionary(g => g.Key, g => g.ToList());
        int[] seedsA = [.. bySeedA.Keys.Order()], seedsB = [.. bySeedB.Keys.Order()];
        var paired = seedsA.SequenceEqual(seedsB);

        var random = new SeededRandom(seed);
        var ratios = new double[resamples];
        var differences = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            var drawnA = Draw(seedsA, random);
            var drawnB = paired ? drawnA : Draw(seedsB, random);
            var (x, y) = (Spread(Runs(drawnA, bySeedA)), Spread(Runs(drawnB, bySeedB)));
            ratios[r] = Ratio(x, y);
            differences[r] = x - y;
        }
        return new Result(Bootstrap.Central(ratios, Ratio(spreadA, spreadB), level),
            Bootstrap.Central(differences, spreadA - spreadB, equivalenceLevel));
    }

    /// <summary>A/B, with 0/0 read as no difference (both groups without spread) and x/0 as infinitely more.</summary>
    public static double Ratio(double a, double b) => b > 0 ? a / b : a > 0 ? double.PositiveInfinity : 1;

    private static double Spread(IReadOnlyList<Run> runs) => BrownForsythe.Spread([.. runs.Select(r => (r.Cell, r.Value))]);

    private static int[] Draw(int[] seeds, SeededRandom random) => [.. seeds.Select(_ => seeds[random.Next(seeds.Length)])];

    /// <summary>The runs of the drawn seeds, a seed drawn twice counting twice.</summary>
    private static List<Run> Runs(int[] drawn, Dictionary<int, List<Run>> bySeed) => [.. drawn.SelectMany(s => bySeed[s])];
}

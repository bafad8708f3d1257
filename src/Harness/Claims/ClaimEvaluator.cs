using System.Globalization;
using Harness.Config.Settings;
using Harness.History;
using Harness.Statistics;

namespace Harness.Claims;

/// <summary>
/// Decides a claim from many seeds. Each part's effect gets a percentile-bootstrap interval at level 1 − α/k for a
/// claim of k parts (Bonferroni within the claim); a part is Supported when its interval lies wholly on the claimed side
/// of the null (½ for P(A > B), 0 for ρ and contrasts), Refuted when wholly on the other side, Inconclusive otherwise.
/// The claim is Supported when every part is, Refuted when any part is, Inconclusive otherwise: the tutorial's
/// sentences assert all their parts at once.
/// </summary>
public static class ClaimEvaluator
{
    public static ClaimOutcome Evaluate(Claim claim, ClaimSet settings, IReadOnlyList<RunResult> results)
    {
        var level = 1 - settings.Alpha / claim.Parts.Count;
        var parts = claim.Parts.Select((part, i) =>
            EvaluatePart(claim, part, results, level, settings.Resamples, SeededRandom.Derive(settings.BootstrapSeed, $"{claim.Id}/{i}"), settings.MinimumSeeds)).ToList();
        var verdict = parts.All(p => p.Verdict == ClaimVerdict.Supported) ? ClaimVerdict.Supported
            : parts.Any(p => p.Verdict == ClaimVerdict.Refuted) ? ClaimVerdict.Refuted
            : ClaimVerdict.Inconclusive;
        return new ClaimOutcome(claim, verdict, parts, ClaimText.Headline(claim, verdict, parts, settings.Alpha), ClaimText.Evidence(claim, parts));
    }

    private static PartOutcome EvaluatePart(Claim claim, ClaimPart part, IReadOnlyList<RunResult> results, double level, int resamples, ulong seed,
        int minimumSeeds)
    {
        double Metric(RunResult r) => RunMetrics.Compute(claim.Metric, r.History);
        List<RunResult> Select(RunFilter filter, string name)
        {
            var selected = results.Where(r => filter.Matches(r.Config)).Order(SettingsOrder).ToList();
            return selected.Count >= 2 ? selected
                : throw new InvalidOperationException($"Claim {claim.Id}, part '{part.Name}': group {name} ({filter.Describe()}) matches {selected.Count} runs; at least 2 are needed.");
        }

        Interval effect;
        string statistic;
        List<GroupEvidence> groups;
        double nullValue = 0;
        IEnumerable<RunResult> used;
        // Where an exact test exists it decides (two-sided p against α/k, the side from the data), and the fewest seeds
        // that could ever reach α/k follow from it; elsewhere the interval decides and the claims' minimum applies.
        (double P, ClaimedSide Side, string Text)? exact = null;
        int? minimum = null;
        bool? reachable = null;

        switch (part.Test)
        {
            case ComparisonTest.Probability when part.Paired:
            {
                var (a, b) = (Select(part.A!, "A"), Select(part.B!, "B"));
                var contrasted = part.A!.DiffersFrom(part.B!);
                var pairs = a.Join(b, r => PairKey(r, contrasted), r => PairKey(r, contrasted), (x, y) => (A: x, B: y)).ToList();
                if (pairs.Count < 2) throw new InvalidOperationException($"Claim {claim.Id}, part '{part.Name}': {pairs.Count} seed-matched pairs; at least 2 are needed.");
                // Pairs of one seed share its init and shuffle streams, so they are not independent: one difference per seed
                // (the mean over the pairs it has), and the sign test counts seeds.
                var differences = pairs.GroupBy(p => p.A.Config.Seed).OrderBy(g => g.Key)
                    .Select(g => g.Average(p => Metric(p.A) - Metric(p.B))).ToList();
                var sign = SignTest.Paired(differences);
                effect = ClopperPearson.Of(sign.Greater, Math.Max(1, sign.Greater + sign.Less), level, Effects.ProbabilityGreaterPaired(differences));
                nullValue = 0.5;
                exact = (sign.PTwoSided, sign.Greater > sign.Less ? ClaimedSide.Greater : ClaimedSide.Less,
                    $"sign test over {differences.Count} seeds, p = {sign.PTwoSided.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}");
                minimum = SignTest.MinimumPairs(1 - level);
                statistic = $"P({claim.Metric}[{part.A.Describe(contrasted)}] > {claim.Metric}[{part.B!.Describe(contrasted)}]), paired by seed";
                groups = [new(part.A.Describe(), pairs.Select(p => Metric(p.A)).ToList()), new(part.B.Describe(), pairs.Select(p => Metric(p.B)).ToList())];
                used = pairs.Select(p => p.A);
                break;
            }
            case ComparisonTest.Probability:
            {
                var (a, b) = (Select(part.A!, "A"), Select(part.B!, "B"));
                var contrasted = part.A!.DiffersFrom(part.B!);
                groups = [new(part.A.Describe(), a.Select(Metric).ToList()), new(part.B!.Describe(), b.Select(Metric).ToList())];
                effect = Bootstrap.Percentile([groups[0].Values, groups[1].Values], g => Effects.ProbabilityGreater(g[0], g[1]), level, resamples, seed);
                var permutation = PermutationTest.ProbabilityGreater(groups[0].Values, groups[1].Values, resamples * 5, seed);
                exact = (permutation.PTwoSided, permutation.Observed > 0.5 ? ClaimedSide.Greater : ClaimedSide.Less,
                    $"permutation test{(permutation.Exact ? "" : " (Monte Carlo)")}, p = {permutation.PTwoSided.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}");
                minimum = PermutationTest.MinimumPerGroup(1 - level);
                // Unequal groups reach further than the equal-group minimum: 5 against 10 seeds can give 2/C(15, 5) = 0.00067.
                reachable = 2 * Math.Exp(-SignTest.LogChoose(a.Count + b.Count, a.Count)) <= 1 - level;
                nullValue = 0.5;
                statistic = $"P({claim.Metric}[{part.A.Describe(contrasted)}] > {claim.Metric}[{part.B.Describe(contrasted)}])";
                used = a.Concat(b);
                break;
            }
            case ComparisonTest.Trend:
            {
                var runs = Select(part.Where!, "where");
                var levels = runs.GroupBy(r => Convert.ToDouble(part.Axis!.Effective(r.Config), CultureInfo.InvariantCulture)).OrderBy(g => g.Key).ToList();
                if (levels.Count < 2) throw new InvalidOperationException($"Claim {claim.Id}, part '{part.Name}': the runs span {levels.Count} value of {part.Axis}; a trend needs 2.");
                var x = levels.Select(g => g.Key).ToList();
                groups = levels.Select(g => new GroupEvidence($"{part.Axis!.Token}={RunSetting.Format(g.Key)}", g.Select(Metric).ToList())).ToList();
                // Stratified: seeds are resampled within each level of the axis, so every resample keeps the design.
                effect = Bootstrap.Percentile(groups.Select(g => g.Values).ToList(), g =>
                    Effects.Spearman(g.SelectMany((values, i) => values.Select(_ => x[i])).ToList(), g.SelectMany(v => v).ToList()),
                    level, resamples, seed);
                statistic = $"ρ({part.Axis!.Name}, {claim.Metric})";
                used = runs;
                break;
            }
            case ComparisonTest.Threshold:
            {
                var runs = Select(part.Where!, "where");
                groups = [new(part.Where!.Describe(), runs.Select(Metric).ToList())];
                effect = MeanInterval.StudentT(groups[0].Values, level);
                nullValue = part.Value!.Value;
                statistic = $"mean {claim.Metric}[{part.Where.Describe()}] vs {RunSetting.Format(nullValue)}";
                used = runs;
                break;
            }
            default:
            {
                var sets = new[] { (part.A!, "A"), (part.B!, "B"), (part.C!, "C"), (part.D!, "D") }.Select(f => Select(f.Item1, f.Item2)).ToList();
                groups = sets.Select((s, i) => new GroupEvidence(new[] { part.A!, part.B!, part.C!, part.D! }[i].Describe(), s.Select(Metric).ToList())).ToList();
                // Welch's t interval for the contrast: at 5 seeds a group the percentile bootstrap is about a quarter too narrow.
                effect = MeanInterval.Contrast(groups.Select(g => g.Values).ToList(), [1, -1, -1, 1], level);
                statistic = $"({groups[0].Label} − {groups[1].Label}) − ({groups[2].Label} − {groups[3].Label}) in mean {claim.Metric}, Welch t";
                used = sets.SelectMany(s => s);
                break;
            }
        }

        var seeds = groups.Min(g => g.Values.Count);
        var distinctSeeds = used.Select(r => r.Config.Seed).Distinct().Count();
        // Both: pooling over depths multiplies the runs per group, but not the independent seeds behind them.
        var needed = minimum ?? minimumSeeds;
        var tooFew = reachable is { } canReach ? !canReach : seeds < needed || distinctSeeds < needed;
        var verdict = tooFew ? ClaimVerdict.Inconclusive
            : exact is { } test ? (test.P > 1 - level ? ClaimVerdict.Inconclusive : test.Side == part.Side ? ClaimVerdict.Supported : ClaimVerdict.Refuted)
            : Decide(effect, nullValue, part.Side);
        return new PartOutcome(part, statistic, effect, nullValue, verdict, groups, distinctSeeds,
            tooFew ? needed : verdict == ClaimVerdict.Inconclusive ? SeedsToDecide(effect, nullValue, seeds) : null, tooFew, exact?.Text);
    }

    public static ClaimVerdict Decide(Interval effect, double nullValue, ClaimedSide side)
    {
        var above = effect.Lower > nullValue;
        var below = effect.Upper < nullValue;
        if (!above && !below) return ClaimVerdict.Inconclusive;
        return above == (side == ClaimedSide.Greater) ? ClaimVerdict.Supported : ClaimVerdict.Refuted;
    }

    /// <summary>
    /// A rough power estimate: intervals shrink like 1/√n, so the interval would stop covering the null once n grows by
    /// (half-width / distance of the estimate from the null)². Null when the estimate sits on the null: no n would do.
    /// </summary>
    public static int? SeedsToDecide(Interval effect, double nullValue, int seeds)
    {
        var distance = Math.Abs(effect.Point - nullValue);
        if (distance < 1e-9) return null;
        var factor = effect.HalfWidth / distance;
        return (int)Math.Min(100_000, Math.Ceiling(seeds * factor * factor));
    }

    /// <summary>Seed-matched pairing: runs pair up when they agree on every setting the comparison does not contrast.</summary>
    private static string PairKey(RunResult run, IReadOnlySet<RunSetting> contrasted) =>
        string.Join('_', RunSettings.All.Where(s => !contrasted.Contains(s)).Select(s => RunSetting.Format(s.Effective(run.Config))));

    /// <summary>Runs in run-id order of their settings, seed last: resampling sees them in the same order on every machine.</summary>
    private static readonly IComparer<RunResult> SettingsOrder = Comparer<RunResult>.Create((x, y) =>
        RunSettings.All.Select(s => RunSetting.Compare(s.Effective(x.Config), s.Effective(y.Config))).FirstOrDefault(c => c != 0));
}

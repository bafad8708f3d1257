using System.Globalization;
using Harness.Claims.Comparisons;
using Harness.Claims.Sequential;
using Harness.History;
using Harness.Statistics;

namespace Harness.Claims;

/// <summary>
/// Decides a claim from many seeds. A claim of k parts gives each part α/k (Bonferroni within the claim). A part is
/// <list type="bullet">
/// <item>not evaluated when its seeds could never reach α/k (the minimum follows from the part's exact test), and not
/// even measured when a group has a single seed (<see cref="TooFewSeeds"/>);</item>
/// <item>Negligible when the claim declares the smallest effect that matters and the part's mean difference, at
/// 1 − 2α/k (two one-sided tests on t intervals: parametric), lies wholly inside that band: whatever its sign, the effect is
/// too small to matter. Exploratory when the band was declared after the data and the seeds that came after it do not
/// confirm it on their own;</item>
/// <item>otherwise decided by its exact test where one exists (p ≤ α/k, on the claimed side: Supported; on the other:
/// Refuted) or by its interval (wholly on one side of the null);</item>
/// <item>Inconclusive when neither.</item>
/// </list>
/// The claim is Refuted when any part is, Inconclusive when any part is, Negligible when any part is, Supported when all
/// are: the tutorial's sentences assert all their parts at once, and a part with no meaningful effect does not carry one.
/// </summary>
internal static class ClaimEvaluator
{
    /// <param name="alpha">The claim's α; a sequential run passes its share for the current look. Defaults to the claims file's.</param>
    /// <param name="position">Where the claim stands in a sequential plan (null: a plain single look): the looks before
    /// this one, which exact sequential boundaries need.</param>
    public static ClaimOutcome Evaluate(Claim claim, ClaimSet settings, IReadOnlyList<RunResult> results, double? alpha = null,
        PlanPosition? position = null)
    {
        var claimAlpha = alpha ?? settings.Alpha;
        // A part with one seed is not evaluated before its comparison runs, which never sees fewer than two.
        var parts = claim.Parts.Select((part, i) => new PartData(claim, part, results, claimAlpha / claim.Parts.Count,
                settings.Resamples, SeededRandom.Derive(settings.BootstrapSeed, $"{claim.Id}/{i}"), settings.MinimumSeeds)
                { Position = position })
            .Select(data => TooFewSeeds.Check(data) ?? EvaluatePart(data)).ToList();
        var verdict = Combine(parts.Select(p => p.Verdict));
        return new ClaimOutcome(claim, verdict, parts, claimAlpha);
    }

    public static ClaimVerdict Combine(IEnumerable<ClaimVerdict> parts)
    {
        var verdicts = parts.ToList();
        return verdicts.Contains(ClaimVerdict.Refuted) ? ClaimVerdict.Refuted
            : verdicts.Contains(ClaimVerdict.Inconclusive) ? ClaimVerdict.Inconclusive
            : verdicts.Contains(ClaimVerdict.Negligible) ? ClaimVerdict.Negligible
            : ClaimVerdict.Supported;
    }

    private static PartOutcome EvaluatePart(PartData data)
    {
        var evidence = Measure(data);

        var seeds = evidence.Groups.Min(g => g.Values.Count);
        // Both: pooling over depths multiplies the runs per group, but not the independent seeds behind them.
        var distinctSeeds = evidence.Used.Select(r => r.Config.Seed).Distinct().Count();
        var tooFew = evidence.Reachable is { } reachable ? !reachable : seeds < evidence.MinimumSeeds
            || distinctSeeds < evidence.MinimumSeeds;
        var band = data.Claim.Negligible;
        var verdict = tooFew ? ClaimVerdict.Inconclusive
            : band is { } b && Inside(evidence.Difference, b.Width) ? ClaimVerdict.Negligible
            : evidence.Test is { } test
                ? (Exceeds(test.P, data.Alpha, evidence.Level) ? ClaimVerdict.Inconclusive : test.Side == data.Part.Side
                    ? ClaimVerdict.Supported : ClaimVerdict.Refuted)
            : Decide(evidence.Effect, evidence.NullValue, data.Part.Side);
        var suggested = tooFew ? evidence.MinimumSeeds
            : verdict == ClaimVerdict.Inconclusive ? SeedsToDecide(evidence.Effect, evidence.NullValue, seeds) : null;
        var exploratory = verdict == ClaimVerdict.Negligible && !ConfirmedOnNewSeeds(data, evidence.Used, band!);
        return new PartOutcome(data.Part, evidence.Statistic, evidence.Effect, evidence.NullValue, verdict, evidence.Groups, distinctSeeds,
            suggested, tooFew, data.Alpha, evidence.SeedUnit, band is null ? null : evidence.Difference, exploratory,
            Exact: evidence.Test, Boundary: Boundary(data, evidence), Measure: evidence.Measure);
    }

    /// <summary>Whether p misses the level: the part's α share, or an exact boundary's nominal level (within the slack of
    /// comparing two sums of the same binomial terms).</summary>
    private static bool Exceeds(double p, double alpha, TestLevel? level) =>
        level is { } exact ? p > exact.Nominal * (1 + SequentialSignBoundary.Tolerance) : p > alpha;

    /// <summary>
    /// After the first look of a plan, how the part's test level was obtained: an exact boundary, or the union bound's share.
    /// At the first look the two coincide (nothing was spent before), so a plain run's text stays as it was.
    /// </summary>
    private static string? Boundary(PartData data, PartEvidence evidence) =>
        evidence.Level?.How ?? (data.Position is { Look: > 1 } position
            ? $"union bound (α {ClaimText.P(data.Alpha)} at look {position.Look})" : null);

    private static bool Inside(Interval? difference, double band) => difference is { } d && d.Lower > -band && d.Upper < band;

    /// <summary>
    /// A band declared after the data may have been drawn around them, so a Negligible verdict from it is confirmed only when
    /// the seeds that did not exist at the declaration, on their own, also put the mean difference inside it (at the same
    /// level). A pre-registered band needs no confirmation: every seed is new to it.
    /// </summary>
    private static bool ConfirmedOnNewSeeds(PartData data, IReadOnlyList<RunResult> used, NegligibleBand band)
    {
        if (!band.Declared.PostHoc) return true;
        if (used.All(r => band.Declared.IsNew(r.Config.Seed))) return true;
        var fresh = data with { Results = [.. data.Results.Where(r => band.Declared.IsNew(r.Config.Seed))] };
        // Too few new runs, or too few seeds among them (or no seed-matched pair), cannot confirm anything.
        if (!fresh.Part.Filters.All(f => fresh.Results.Count(r => f.Matches(r.Config)) >= 2) || TooFewSeeds.Check(fresh) is not null)
            return false;
        return Inside(Measure(fresh).Difference, band.Width);
    }

    private static PartEvidence Measure(PartData data) => data.Part.Test switch
    {
        ComparisonTest.Probability when data.Part.Paired => PairedProbability.Measure(data),
        ComparisonTest.Probability => TwoGroupProbability.Measure(data),
        ComparisonTest.Trend => Trend.Measure(data),
        ComparisonTest.Threshold => Threshold.Measure(data),
        ComparisonTest.Spread => Spread.Measure(data),
        _ => Contrast.Measure(data),
    };

    public static ClaimVerdict Decide(Interval effect, double nullValue, ClaimedSide side)
    {
        var above = effect.Lower > nullValue;
        var below = effect.Upper < nullValue;
        if (!above && !below) return ClaimVerdict.Inconclusive;
        return above == (side == ClaimedSide.Greater) ? ClaimVerdict.Supported : ClaimVerdict.Refuted;
    }

    /// <summary>
    /// A rough power estimate: intervals shrink like 1/√n, so the interval would stop covering the null once n grows by
    /// (half-width / distance of the estimate from the null)², and always by at least one seed (an exact test can stay
    /// undecided where the interval alone would not). Null when the estimate sits on the null: no n would do.
    /// </summary>
    public static int? SeedsToDecide(Interval effect, double nullValue, int seeds)
    {
        var distance = Math.Abs(effect.Point - nullValue);
        if (distance < 1e-9) return null;
        var factor = effect.HalfWidth / distance;
        return (int)Math.Min(100_000, Math.Max(seeds + 1, Math.Ceiling(seeds * factor * factor)));
    }
}

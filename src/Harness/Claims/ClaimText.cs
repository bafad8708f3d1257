using System.Globalization;
using Harness.Claims.Comparisons;
using Harness.Settings;
using Harness.Statistics;

namespace Harness.Claims;

/// <summary>How a claim's outcome reads in a test report: a headline that states the conclusion and its evidence.</summary>
internal static class ClaimText
{
    /// <summary>
    /// What the data found, after the verdict and the statement: each part's effect with its interval and test, the seeds,
    /// α and the correction, and for an undecided claim what more seeds might do. The headline is "Verdict — statement: "
    /// and this (<see cref="ClaimOutcome.Headline"/>); the conclusions block prints the same pieces a part to a line.
    /// </summary>
    public static string Finding(Claim claim, ClaimVerdict verdict, IReadOnlyList<PartOutcome> parts, double alpha) =>
        $"{string.Join("; ", parts.Select(p => PartEffect(p) + (p.Part.Name.Length > 0 ? $" ({p.Part.Name})" : "")))}; " +
        $"{Design(claim, parts, alpha)}{Outlook(verdict, parts)}.";

    /// <summary>A part's effect: "P(…) = 0.90 [0.45, 1.00], sign test over 10 seeds, p = 0.0215", or "P(…) not measured".</summary>
    public static string PartEffect(PartOutcome part) => !part.Measured ? $"{part.Statistic} not measured"
        : $"{part.Statistic} = {Effect(part.Effect)}" + (part.Test is { } test ? $", {test}" : "") + Difference(part) +
        (part.Exploratory ? ", Negligible only exploratory (the seeds after the band was declared do not confirm it yet)" : "");

    /// <summary>How the claim was tested: "10 seeds, α = 0.05, 97.5% intervals (Bonferroni over 2 parts)" and its band.</summary>
    public static string Design(Claim claim, IReadOnlyList<PartOutcome> parts, double alpha)
    {
        var seeds = parts.Select(p => p.Seeds).Distinct().Order().ToList();
        var seedText = seeds.Count == 1 ? $"{seeds[0]} seed{(seeds[0] == 1 ? "" : "s")}" : $"{seeds[0]}–{seeds[^1]} seeds";
        var correction = parts.Count > 1
            ? $", {I(parts[0].Effect.Level * 100, "0.##")}% intervals (Bonferroni over {parts.Count} parts)"
            : $", {I(parts[0].Effect.Level * 100, "0.##")}% interval";
        var band = claim.Negligible is { } b
            ? $", negligible below ±{RunSetting.Format(b.Width)}{(b.Declared.PostHoc ? " (a post hoc band)" : " (pre-registered)")}" : "";
        return $"{seedText}, α = {I(alpha, "0.###")}{correction}{band}";
    }

    /// <summary>For a claim not decided, what more seeds would need or might do (". Too few seeds …"); else nothing.</summary>
    public static string Outlook(ClaimVerdict verdict, IReadOnlyList<PartOutcome> parts)
    {
        if (parts.Any(p => p.TooFewSeeds))
            return $". Too few seeds for a verdict: {string.Join("; ", parts.Where(p => p.TooFewSeeds).Select(Needs).Distinct())}";
        if (verdict != ClaimVerdict.Inconclusive) return "";
        var suggestions = parts.Where(p => p.Verdict == ClaimVerdict.Inconclusive).Select(p => p.SeedsSuggested).ToList();
        return suggestions.All(s => s is null)
            ? ". No effect in the data: more seeds are unlikely to decide it"
            : $". A rough power estimate: about {suggestions.Max(s => s ?? 0)} seeds per group might decide it";
    }

    /// <summary>
    /// For a snapshot checked on another seed count than its own: "on 2 seeds, not the registered 10, the evidence reaches
    /// less far" (or further). Such a verdict holds unless two decided verdicts differ (<see cref="ClaimOutcome.Holds"/>).
    /// </summary>
    public static string OnOtherSeeds(ClaimOutcome outcome) =>
        $"on {outcome.Seeds} seeds, not the registered " +
        $"{outcome.Claim.Registration.Seeds?.ToString(CultureInfo.InvariantCulture) ?? "none"}, the evidence reaches " +
        $"{(outcome.Verdict == ClaimVerdict.Inconclusive ? "less far" : "further")}";

    /// <summary>
    /// For a run that did not follow the plan to its end (a plain run is its first look): what the decide plan reached when
    /// it was registered, "The decide plan reached Supported at look 2 with 20 seeds per configuration (…)"; else null.
    /// </summary>
    public static string? PlanVerdict(ClaimOutcome outcome) =>
        outcome.Claim.Decided is { } decided && !ReferenceEquals(decided, outcome.Claim.Registration)
            && decided.Look != outcome.Decision?.Look // the plan stopped at this very look: its verdict is the one above
            ? $"The decide plan reached {decided.Verdict} at look {decided.Look} with {decided.Seeds} seeds per configuration " +
              $"({decided.Provenance}): reproduce --decide checks it."
            : null;

    /// <summary>"needs ≥ 8 seed pairs to reach α/6 = 0.0083 (has 5)": the minimum follows from the test, not a fixed rule.</summary>
    public static string Needs(PartOutcome part) =>
        $"needs ≥ {part.SeedsSuggested} {part.SeedUnit} to reach α = {I(part.Alpha, "0.####")} (has {part.Seeds})";

    private static string Difference(PartOutcome part) => part.Difference is { } d && (part.Measure ?? DifferenceMeasure.Mean) is var m
        ? $", {m.Name} {Effect(d)} at {I(d.Level * 100, "0.##")}% ({m.Method})" : "";

    /// <summary>
    /// A part's evidence in one line, for the report's evidence beneath a claim (the groups' numbers follow it as a table):
    /// its name, the effect with its interval, the null and the claimed side, the test, the band and the verdict.
    /// </summary>
    public static string EvidenceLine(Claim claim, PartOutcome part)
    {
        var name = part.Part.Name.Length > 0 ? part.Part.Name : claim.Id;
        return !part.Measured ? $"{name}: {part.Statistic} not measured → not evaluated: {Needs(part)}" :
            $"{name}: {part.Statistic} = {Effect(part.Effect)}" +
            (part.Effect.Lower == part.Effect.Upper ? "" : $" at {I(part.Effect.Level * 100, "0.##")}%") + ", null " +
            $"{F(part.NullValue, Decimals(part.Effect))}, claimed {(part.Part.Side == ClaimedSide.Greater ? "above" : "below")}" +
            (part.Test is { } test ? $", {test}" : "") +
            Difference(part) +
            (claim.Negligible is { } band ? $" (negligible inside ±{RunSetting.Format(band.Width)}: {band.Declared.Provenance})" : "") +
            $" → {(part.TooFewSeeds ? "not evaluated: " + Needs(part) : part.Verdict.ToString())}" +
            (part.Exploratory ? " (exploratory: not yet confirmed by the seeds after the band's declaration)" : "");
    }

    /// <summary>A part's effect without its interval, for the parts table: "ρ(layers, gap) within seeds = 0.89".</summary>
    public static string EffectValue(PartOutcome part) =>
        !part.Measured ? $"{part.Statistic} not measured" : $"{part.Statistic} = {F(part.Effect.Point, Decimals(part.Effect))}";

    /// <summary>A part's interval, for the parts table: "[0.75, 1.00] at 95%"; "none: the data show no spread"; "—".</summary>
    public static string EffectInterval(PartOutcome part)
    {
        if (!part.Measured) return "—";
        var effect = part.Effect;
        if (effect.Lower == effect.Upper) return "none: the data show no spread";
        var decimals = Decimals(effect);
        return $"[{F(effect.Lower, decimals)}, {F(effect.Upper, decimals)}] at {I(effect.Level * 100, "0.##")}%";
    }

    /// <summary>What decided a part, for the parts table: the exact test (and the TOST beside it), else its interval.</summary>
    public static string TestName(PartOutcome part) =>
        !part.Measured ? "—"
        : (part.Exact is { } exact ? exact.Description : "the interval") + Difference(part);

    /// <summary>"0.0215", or "5.8e-12" where four decimals would print an exact test's tiny p as 0.</summary>
    public static string P(double p) => p < 0.0001
        ? p.ToString("0.0e0", CultureInfo.InvariantCulture)
        : p.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>"0.98 [0.97, 0.99]", with as many decimals as the interval's width needs to show (a mean of 0.9835 with
    /// an interval 0.0025 wide reads 0.9835 [0.9822, 0.9847], not 0.98 [0.98, 0.98]).</summary>
    private static string Effect(Interval effect)
    {
        // Zero width only comes from data with no spread (every seed's ρ is 1; two groups completely separated, so every
        // bootstrap resample gives P = 0): "[0.00, 0.00]" would read as certainty about seeds not yet run. The exact test
        // beside it decides.
        if (effect.Lower == effect.Upper) return $"{F(effect.Point)} (no interval: the data show no spread)";
        var decimals = Decimals(effect);
        return $"{F(effect.Point, decimals)} [{F(effect.Lower, decimals)}, {F(effect.Upper, decimals)}]";
    }

    private static int Decimals(Interval effect)
    {
        var width = effect.Upper - effect.Lower;
        return width > 0 && width < 0.01 ? Math.Min(6, (int)Math.Ceiling(-Math.Log10(width)) + 1) : 2;
    }

    private static string F(double value, int decimals = 2) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);
    private static string I(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}

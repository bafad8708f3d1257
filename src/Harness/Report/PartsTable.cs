using Harness.Claims;

namespace Harness.Report;

/// <summary>
/// A claim's parts in report.md, a row each: the effect, its interval, the test that decided it, p and the part's verdict.
/// A claim of eight parts read as one paragraph repeated the same clause eight times; in a table the columns say it once
/// and the numbers line up. The long evidence (groups, nulls, bands) stays folded beneath (<see cref="ClaimEvidence"/>).
/// </summary>
internal static class PartsTable
{
    public static void Write(MarkdownWriter md, ClaimOutcome outcome)
    {
        if (outcome.Parts.Count == 0) return;
        md.Line($"| part | effect | interval | test | p | verdict |");
        md.Line($"| --- | --- | --- | --- | ---: | --- |");
        foreach (var part in outcome.Parts)
        {
            var verdict = part.TooFewSeeds ? $"not evaluated: {ClaimText.Needs(part)}"
                : part.Exploratory ? $"{part.Verdict} (exploratory)" : part.Verdict.ToString();
            md.Line($"| {(part.Part.Name.Length > 0 ? part.Part.Name : outcome.Claim.Id)} | {ClaimText.EffectValue(part)} | " +
                $"{ClaimText.EffectInterval(part)} | {ClaimText.TestName(part)} | " +
                $"{(part.Exact is { } exact ? ClaimText.P(exact.P) : "—")} | {verdict} |");
        }
        md.Line();
    }
}

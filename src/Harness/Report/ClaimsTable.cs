using Harness.Claims;

namespace Harness.Report;

/// <summary>
/// The table report.md opens with: one row per claim, its statement, the source's own words, the data's verdict against the
/// registered one, the seeds behind it and the look of a decide plan. A reader learns what the reproduction concluded
/// before scrolling; the sections under Conclusions say why. A verdict that does not hold is a failure, marked as every
/// failure is (<see cref="MarkdownReport.Failure"/>).
/// </summary>
internal static class ClaimsTable
{
    /// <summary>The column of the data's verdict: report.html marks its cells (<see cref="HtmlReport.VerdictClass"/>), so a
    /// browser can tell whether each is in the first screen.</summary>
    public const int VerdictColumn = 2;

    public static void Write(MarkdownWriter md, ExperimentResults results)
    {
        if (results.Claims.Count == 0) return;
        md.Line($"| claim | the source's words | verdict | registered | seeds | look |");
        md.Line($"| --- | --- | --- | --- | ---: | --- |");
        foreach (var outcome in results.Claims)
        {
            var claim = outcome.Claim;
            var verdict = outcome.Evaluated ? outcome.Verdict.ToString() : "Not evaluated";
            var look = outcome.Decision is { } decision ? $"look {decision.Look} of {decision.Looks}" : "—";
            md.Line($"| {claim.Statement} | {(claim.Tutorial.Length > 0 ? claim.Tutorial : "—")} | " +
                $"{Prose.FailureIf(!outcome.Holds, verdict)} | {claim.Registration.Verdict} | " +
                $"{(outcome.Parts.Count > 0 ? outcome.Seeds.ToString(System.Globalization.CultureInfo.InvariantCulture) : "—")} | " +
                $"{look} |");
        }
        md.Line();
    }
}

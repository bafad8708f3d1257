using System.Text;
using Harness.Claims;
using Harness.IO;

namespace Harness.Report;

/// <summary>
/// An experiment's conclusions as plain text, for a console or a log: what <c>reproduce</c> prints when it is done and what
/// <c>dotnet test</c> prints after an experiment's tests. Each claim's statement with the data's verdict and the registered
/// one, and the finding behind it (effects with intervals and p, seeds), which a brief block shows only for a claim not as
/// registered (<see cref="ConclusionsDetail"/>); then the same summary items as report.md (both
/// tiers, the published runs) and the lines the caller adds (where the report went, where the runs came from). Results of a
/// filtered test run hold only what it ran, and the block says only that. Each line is made printable as a whole
/// (<see cref="PrintableText.Inline"/>): a statement or a name cannot send an escape sequence to the terminal, nor begin a
/// line of its own that would read as the harness's.
/// </summary>
internal static class ConclusionsBlock
{
    /// <summary>A claim that holds, one that contradicts its registration, one too few seeds could decide.</summary>
    public const char Holds = '✓', Differs = '✗', NotEvaluated = '○';

    /// <param name="detail">Brief: a claim as registered in one line (<see cref="ConclusionsDetail"/>).</param>
    /// <param name="showAll">How the reader gets the full block, e.g. "--conclusions full": a brief block that left parts out
    /// ends by saying so.</param>
    public static string Render(ExperimentResults results, IEnumerable<string>? footer = null,
        ConclusionsDetail detail = ConclusionsDetail.Full, string showAll = "")
    {
        var text = new Lines();
        var experiment = results.Experiment;
        text.AppendLine("Conclusions of " +
                        $"{experiment.Name}" +
                        $"{(experiment.Title.Length > 0 && experiment.Title != experiment.Name ? $" ({experiment.Title})" : "")}, " +
                        $"from {results.Runs.Count} run(s):");
        var (headline, rest) = ResultsSummary.Sentence(results);
        text.AppendLine($"  {headline}{rest.Plain}");
        if (results.Claims.Count > 0)
        {
            text.AppendLine("  Claims, the data's verdict against the registered one:");
            foreach (var claim in results.Claims) Claim(text, claim, detail);
        }
        // The claims are listed one by one above, so their count is left out.
        foreach (var item in ResultsSummary.DivergedRuns(results).Concat(ResultsSummary.Tiers(results))
            .Concat(ResultsSummary.PublishedRuns(results)))
            text.AppendLine($"  {(item.IsDetail ? "  - " : "")}{item.Text.Plain}");
        foreach (var line in footer ?? []) text.AppendLine($"  {line}");
        if (detail == ConclusionsDetail.Brief && results.Claims.Any(Short))
            text.AppendLine($"  Each claim's parts are in the report{(showAll.Length > 0 ? $", and here with {showAll}" : "")}.");
        return text.ToString();
    }

    /// <summary>A footer line saying where the report went: the page to open first, then what is beside it.</summary>
    public static string ReportLine(string directory) =>
        $"Report: {Path.GetFullPath(Path.Combine(directory, HtmlReport.FileName))} (and " +
        $"{MarkdownReport.FileName}, {HistoriesCsv.FileName}, {ClaimsJson.FileName}, {Figures.Folder}/ beside it).";

    /// <summary>A claim the brief block shows in one line: as registered, so its parts say nothing the verdict does not.</summary>
    private static bool Short(ClaimOutcome outcome) => outcome.AsRegistered;

    private static void Claim(Lines text, ClaimOutcome outcome, ConclusionsDetail detail)
    {
        var registered = outcome.Claim.Registration;
        var (mark, verdict, standing) =
            outcome.Blocked is not null ? (Differs, "Not evaluated", $"registered {registered.Verdict}: A RUN IT NEEDS DIVERGED")
            : !outcome.Evaluated ? (NotEvaluated, "Not evaluated", $"registered {registered.Verdict}: too few seeds")
            : outcome.AsRegistered ? (Holds, outcome.Verdict.ToString(), $"registered {registered.Verdict}")
            : outcome.Holds
                ? (Holds, outcome.Verdict.ToString(),
                    $"registered {registered.Verdict}; {ClaimText.OnOtherSeeds(outcome)} without contradicting it")
            : (Differs, outcome.Verdict.ToString(), $"registered {registered.Verdict}: DIFFERS FROM THE REGISTRATION");
        if (detail == ConclusionsDetail.Brief && Short(outcome))
        {
            var look = outcome.Decision is { } at ? $", look {at.Look} of {at.Looks}" : "";
            text.AppendLine($"    {mark} {verdict} — {outcome.Claim.Statement} ({standing}{look})");
            // What the plan reached when run to its end is the conclusion of a claim this look leaves open: never left out.
            if (ClaimText.PlanVerdict(outcome) is { } reached) text.AppendLine($"        {reached}");
            return;
        }
        text.AppendLine($"    {mark} {verdict} — {outcome.Claim.Statement} ({standing})");
        if (outcome.Blocked is { } blocked)
        {
            text.AppendLine($"        {char.ToUpperInvariant(blocked[0])}{blocked[1..]}.");
            return;
        }
        // A part to a line: the tutorial's claims have up to eight parts, which on one line no one reads.
        foreach (var part in outcome.Parts)
            text.AppendLine($"        {(part.Part.Name.Length > 0 ? $"{part.Part.Name}: " : "")}{ClaimText.PartEffect(part)} → " +
                $"{(part.TooFewSeeds ? "not evaluated" : part.Verdict)}");
        text.AppendLine("        " +
            $"{ClaimText.Design(outcome.Claim, outcome.Parts, outcome.Alpha)}{ClaimText.Outlook(outcome.Verdict, outcome.Parts)}.");
        // Where the claims declare a plan, say which look this is, and what the plan reached when it was run to the end: for a
        // claim the experiment's own seeds leave open, that is its conclusion.
        if (outcome.Decision is { } decision) text.AppendLine($"        {decision.Describe()}");
        if (ClaimText.PlanVerdict(outcome) is { } planVerdict) text.AppendLine($"        {planVerdict}");
    }

    /// <summary>The block's lines, each made printable as it is added.</summary>
    private sealed class Lines
    {
        private readonly StringBuilder _text = new();

        public void AppendLine(string line) => _text.Append(PrintableText.Inline(line)).Append('\n');

        public override string ToString() => _text.ToString();
    }
}

using Harness.Claims;
using Harness.Statistics;

namespace Harness.Report;

/// <summary>
/// The evidence beneath a claim in report.md: for each part its finding in one line (<see cref="ClaimText.EvidenceLine"/>),
/// then per group the seeds, mean, median and IQR of the claim's metric; for a claim that could not be evaluated, why.
/// </summary>
internal static class ClaimEvidence
{
    public static Markdown Render(ClaimOutcome outcome)
    {
        var md = new MarkdownWriter();
        if (outcome.Blocked is { } blocked) return md.Line($"{blocked}").ToMarkdown();
        foreach (var part in outcome.Parts)
        {
            md.Line($"{ClaimText.EvidenceLine(outcome.Claim, part)}");
            md.Line($"| group | seeds | mean {outcome.Claim.Metric} | median | IQR |");
            md.Line($"| --- | ---: | ---: | ---: | ---: |");
            foreach (var group in part.Groups)
                md.Line($"| {group.Label} | {group.Values.Count} | {group.Values.Average():0.0000} | " +
                    $"{Describe.Median(group.Values):0.0000} | {Describe.InterquartileRange(group.Values):0.0000} |");
            md.Line();
        }
        return md.ToMarkdown();
    }
}

namespace Harness.Claims;

/// <summary>A claim decided by the data: its verdict, each part's evidence, and the text the report shows.</summary>
/// <param name="Headline">One line: verdict, statement, effects with intervals, seeds, α.</param>
/// <param name="Evidence">Per part: the effect and, per group, seeds, mean, median and IQR.</param>
public sealed record ClaimOutcome(Claim Claim, ClaimVerdict Verdict, IReadOnlyList<PartOutcome> Parts, string Headline, string Evidence)
{
    public bool AsRegistered => Verdict == Claim.Expected;
}

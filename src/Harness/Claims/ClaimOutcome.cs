namespace Harness.Claims;

/// <summary>A claim decided by the data: its verdict, each part's evidence, and the text the report shows.</summary>
/// <param name="Headline">One line: verdict, statement, effects with intervals, seeds, α.</param>
/// <param name="Evidence">Per part: the effect and, per group, seeds, mean, median and IQR.</param>
public sealed record ClaimOutcome(Claim Claim, ClaimVerdict Verdict, IReadOnlyList<PartOutcome> Parts, string Headline, string Evidence)
{
    /// <summary>False when a part had too few seeds for any verdict: the claim was not tested, which is neither a pass nor a failure.</summary>
    public bool Evaluated => !Parts.Any(p => p.TooFewSeeds);

    /// <summary>Evaluated, and the verdict is the registered one.</summary>
    public bool AsRegistered => Evaluated && Verdict == Claim.Registration.Verdict;

    /// <summary>Nothing contradicts the registration: as registered, or not evaluated at this seed count.</summary>
    public bool Holds => !Evaluated || AsRegistered;

    /// <summary>For a claim not evaluated: the seeds per group its parts need.</summary>
    public int? SeedsNeeded => Evaluated ? null : Parts.Where(p => p.TooFewSeeds).Max(p => p.SeedsSuggested);
}

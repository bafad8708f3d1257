namespace Harness.Claims;

/// <summary>A claim decided by the data: its verdict, each part's evidence, and the text the report shows.</summary>
/// <param name="Headline">One line: verdict, statement, effects with intervals, seeds, α.</param>
/// <param name="Evidence">Per part: the effect and, per group, seeds, mean, median and IQR.</param>
/// <param name="Decision">Under <c>reproduce --decide</c>: the look that decided the claim; null for a single look.</param>
public sealed record ClaimOutcome(Claim Claim, ClaimVerdict Verdict, IReadOnlyList<PartOutcome> Parts, string Headline, string Evidence,
    Sequential.SequentialDecision? Decision = null)
{
    /// <summary>False when a part had too few seeds for any verdict: the claim was not tested, which is neither a pass nor a failure.</summary>
    public bool Evaluated => !Parts.Any(p => p.TooFewSeeds);

    /// <summary>Evaluated, and the verdict is the registered one.</summary>
    public bool AsRegistered => Evaluated && Verdict == Claim.Registration.Verdict;

    /// <summary>
    /// Nothing contradicts the registration: as registered, or not evaluated at this seed count. Seeds added until decided
    /// may turn a registered Inconclusive into a verdict (that is their point) or leave a claim open at the budget; only a
    /// decided verdict other than a decided registration contradicts it.
    /// </summary>
    public bool Holds => !Evaluated || AsRegistered
        || (Decision is not null && (Claim.Registration.Verdict == ClaimVerdict.Inconclusive || Verdict == ClaimVerdict.Inconclusive));

    /// <summary>For a claim not evaluated: the seeds per group its parts need.</summary>
    public int? SeedsNeeded => Evaluated ? null : Parts.Where(p => p.TooFewSeeds).Max(p => p.SeedsSuggested);

    /// <summary>For a claim not evaluated: what its parts need, e.g. "needs ≥ 8 seed pairs to reach α = 0.0083 (has 5)".</summary>
    public string Needs => string.Join("; ", Parts.Where(p => p.TooFewSeeds).Select(ClaimText.Needs).Distinct());
}

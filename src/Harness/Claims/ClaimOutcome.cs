namespace Harness.Claims;

/// <summary>A claim decided by the data: its verdict, each part's evidence, and the text the report shows.</summary>
/// <param name="Alpha">The claim's α (a sequential look's share of it), split over its parts.</param>
/// <param name="Decision">Under <c>reproduce --decide</c>: the look that decided the claim; null for a single look.</param>
/// <param name="Blocked">Why the claim could not be evaluated at all (a run it depends on diverged); null when it was.</param>
internal sealed record ClaimOutcome(Claim Claim, ClaimVerdict Verdict, IReadOnlyList<PartOutcome> Parts, double Alpha,
    Sequential.SequentialDecision? Decision = null, string? Blocked = null)
{
    /// <summary>
    /// A claim some of whose runs diverged. It is not evaluated on the runs that survived: a divergence says something
    /// about its configuration (too high a learning rate for that depth, say), so the survivors are a biased sample and
    /// any verdict drawn from them could be wrong in either direction. Nor is it a mere Inconclusive, which would pass a
    /// claim registered Inconclusive: the reproduction lost evidence the claim needs, and that is a failure.
    /// </summary>
    public static ClaimOutcome BlockedBy(Claim claim, double alpha, string reason) =>
        new(claim, ClaimVerdict.Inconclusive, [], alpha, Blocked: reason);

    /// <summary>What the data found: effects with intervals and tests, seeds, α (<see cref="ClaimText.Finding"/>).</summary>
    public string Finding => Blocked ?? ClaimText.Finding(Claim, Verdict, Parts, Alpha);

    /// <summary>One line: the verdict (or "Not evaluated"), the statement, and the finding.</summary>
    public string Headline => $"{(Evaluated ? Verdict.ToString() : "Not evaluated")} — {Claim.Statement}: {Finding}";

    /// <summary>False when a part had too few seeds for any verdict: the claim was not tested, which is neither a pass nor a
    /// failure; or when it was <see cref="Blocked"/>, which is a failure.</summary>
    public bool Evaluated => Blocked is null && !Parts.Any(p => p.TooFewSeeds);

    /// <summary>
    /// Settled for a sequential run: evaluated, not Inconclusive, and not resting on an exploratory Negligible (a post hoc band
    /// the new seeds have not yet confirmed), so adding seeds would not change what may be concluded.
    /// </summary>
    public bool Decided => Evaluated && Verdict != ClaimVerdict.Inconclusive && !Parts.Any(p => p.Exploratory);

    /// <summary>Evaluated, and the verdict is the registered one.</summary>
    public bool AsRegistered => Evaluated && Verdict == Claim.Registration.Verdict;

    /// <summary>
    /// Nothing contradicts the registration: as registered, or not evaluated at this seed count. A regression snapshot
    /// holds for its own seed count: on other seeds (a quick look with fewer, seeds added until decided, or a
    /// pre-registration made before any run) the evidence may reach less or further, so an Inconclusive on one side is no
    /// contradiction; only two decided verdicts that differ are. On the snapshot's own seeds any change is a regression.
    /// A <see cref="Blocked"/> claim never holds.
    /// </summary>
    public bool Holds => Blocked is null && (!Evaluated || AsRegistered
        || (!OnRegisteredSeeds && (Claim.Registration.Verdict == ClaimVerdict.Inconclusive || Verdict == ClaimVerdict.Inconclusive)));

    /// <summary>The most seeds behind any part: what a snapshot's <see cref="Registration.Seeds"/> is compared with.</summary>
    public int Seeds => Parts.Count == 0 ? 0 : Parts.Max(p => p.Seeds);

    /// <summary>Evaluated as its snapshot was: on the same seed count, at the same look of a plan (or both in a single look at
    /// the whole α).</summary>
    public bool OnRegisteredSeeds => Claim.Registration.Kind == RegistrationKind.Snapshot && Claim.Registration.Seeds == Seeds
        && Claim.Registration.Look == Decision?.Look;

    /// <summary>For a claim not evaluated: the seeds per group its parts need.</summary>
    public int? SeedsNeeded => Evaluated ? null : Parts.Where(p => p.TooFewSeeds).Max(p => p.SeedsSuggested);

    /// <summary>For a claim not evaluated: what its parts need, e.g. "needs ≥ 8 seed pairs to reach α = 0.0083 (has 5)".</summary>
    public string Needs => Blocked ?? string.Join("; ", Parts.Where(p => p.TooFewSeeds).Select(ClaimText.Needs).Distinct());
}

using Harness.History;

namespace Harness.Claims.Sequential;

/// <summary>
/// The sequential procedure itself, apart from where runs come from: at each look of the plan, every claim still open is
/// evaluated on its runs at that look, at that look's share of α (or, for the sign test, at an exact boundary given the
/// looks before), and keeps the first verdict it reaches (Supported, Refuted or Negligible, on enough seeds to be
/// evaluated). Kept pure, with the runs supplied by the caller, so the error
/// rate of the whole procedure can be measured on simulated worlds, not only argued from the union bound.
/// </summary>
internal static class SequentialProcedure
{
    /// <summary>
    /// The runs each of the <paramref name="open"/> claims is decided from at a look (1-based): every configuration it selects
    /// with <paramref name="seeds"/> seeds, or with the experiment's own at the first look (<paramref name="seeds"/> null).
    /// </summary>
    public delegate IReadOnlyDictionary<Claim, IReadOnlyList<RunResult>> LookResults(int look, int? seeds, IReadOnlyList<Claim> open);

    /// <param name="initialSeeds">The experiment's own seeds per configuration (its largest count): the first look.</param>
    /// <param name="lastLook">Stop after this look (1-based) though claims are still open: only the looks whose runs exist.</param>
    /// <returns>Every claim's outcome, in the claim set's order, each with its <see cref="SequentialDecision"/>.</returns>
    public static IReadOnlyList<ClaimOutcome> Run(ClaimSet claims, SequentialPlan plan, int initialSeeds, LookResults results,
        int? lastLook = null)
    {
        var looks = plan.Looks(initialSeeds);
        var alphas = plan.AlphaAtLooks(claims.Alpha, looks);
        var outcomes = new Dictionary<string, ClaimOutcome>();
        for (var look = 0; look < Math.Min(looks.Count, lastLook ?? looks.Count); look++)
        {
            var open = claims.All.Where(c => !outcomes.TryGetValue(c.Id, out var o) || o.Decision is { Decided: false }).ToList();
            if (open.Count == 0) break;
            var runs = results(look + 1, look == 0 ? null : looks[look], open);
            foreach (var claim in open)
            {
                // Checked against what the plan reached before, where that was registered; else against the single look's.
                var registered = claim with { Registration = claim.Decided ?? claim.Registration };
                outcomes[claim.Id] = AtLook(registered, claims, plan, looks, look + 1, alphas[look], runs[claim]);
            }
        }
        return claims.All.Select(c => outcomes[c.Id]).ToList();
    }

    /// <summary>
    /// A claim at the plan's first look alone: what a plain <c>reproduce</c> (and <c>dotnet test</c>) of an experiment whose
    /// claims declare a plan decides, at the first look's share of α. Evaluating the same seeds at the whole α as well would
    /// be a look the plan does not count: a claim could then be decided twice, once by each rule, and the plan's error rate
    /// would no longer hold.
    /// </summary>
    public static ClaimOutcome FirstLook(Claim claim, ClaimSet claims, SequentialPlan plan, int initialSeeds, IReadOnlyList<RunResult> runs)
    {
        var looks = plan.Looks(initialSeeds);
        return AtLook(claim, claims, plan, looks, 1, plan.AlphaAtLooks(claims.Alpha, looks)[0], runs);
    }

    /// <summary>The claim evaluated at one look's α (and, for exact boundaries, with the looks before it), with the
    /// <see cref="SequentialDecision"/> saying which look of which plan.</summary>
    private static ClaimOutcome AtLook(Claim claim, ClaimSet claims, SequentialPlan plan, IReadOnlyList<int> looks, int look,
        double alpha, IReadOnlyList<RunResult> runs)
    {
        var outcome = ClaimEvaluator.Evaluate(claim, claims, runs, alpha, plan.Position(claims.Alpha, looks, look));
        return outcome with
        {
            Decision = new SequentialDecision(outcome.Seeds, look, looks.Count, plan.MaxSeeds, alpha, plan.Spending, outcome.Decided,
                claims.DecideDeclared, Exploratory: plan != claims.DecidePlan) { Boundaries = plan.Boundaries },
        };
    }
}

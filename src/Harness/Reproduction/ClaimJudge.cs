using Harness.Claims;
using Harness.Claims.Sequential;
using Harness.Settings;

namespace Harness.Reproduction;

/// <summary>
/// Decides a claim from the experiment's runs its comparisons select; only those are asked of the source. Where the claims
/// declare a sequential plan, the experiment's own runs are that plan's first look, decided at the first look's α.
/// </summary>
internal sealed class ClaimJudge(RunSource source, ClaimSet claims, IReadOnlyList<RunConfig> runs)
{
    /// <summary>The experiment's seeds per configuration (its largest count): where a plan's looks start.</summary>
    private readonly int _initialSeeds = runs.Count == 0 ? 0 : runs.GroupBy(r => r.ConfigurationId).Max(g => g.Count());

    public ClaimOutcome Evaluate(Claim claim)
    {
        var results = source.Results(claim.Runs(runs));
        return claims.Decide is { } plan
            ? SequentialProcedure.FirstLook(claim, claims, plan, _initialSeeds, results)
            : ClaimEvaluator.Evaluate(claim, claims, results);
    }
}

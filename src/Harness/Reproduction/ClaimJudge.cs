using Harness.Claims;
using Harness.Config.Settings;

namespace Harness.Reproduction;

/// <summary>Decides a claim from the experiment's runs its comparisons select; only those are asked of the source.</summary>
public sealed class ClaimJudge(RunSource source, ClaimSet claims, IReadOnlyList<RunConfig> runs)
{
    public ClaimOutcome Evaluate(Claim claim) => ClaimEvaluator.Evaluate(claim, claims, source.Results(claim.Runs(runs)));
}

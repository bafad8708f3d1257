using Harness.Claims;
using Harness.Claims.Sequential;
using Harness.Settings;
using Harness.History;

namespace Harness.Reproduction;

/// <summary>
/// <c>reproduce --decide</c>: runs the <see cref="SequentialProcedure"/> over a session, and between looks trains more
/// seeds only for the configurations that claims still open depend on. Runs already trained (the experiment's own seeds,
/// and every earlier stage) are reused from the session's pool, never trained again.
/// </summary>
internal static class SequentialDecider
{
    public sealed record Result(IReadOnlyList<ClaimOutcome> Claims, IReadOnlyList<RunResult> AddedRuns);

    /// <param name="onStage">Told the runs of each new stage before they train (for progress).</param>
    public static Result Decide(ExperimentSession session, SequentialPlan plan, Action<IReadOnlyList<RunConfig>>? onStage = null)
    {
        var added = new Dictionary<string, RunConfig>();

        IReadOnlyDictionary<Claim, IReadOnlyList<RunResult>> ResultsAt(int look, int? seeds, IReadOnlyList<Claim> open)
        {
            var wanted = open.ToDictionary(c => c, c => RunsAt(session, c, seeds));
            var stage = wanted.Values.SelectMany(r => r).Where(r => !session.Runs.Contains(r) && !added.ContainsKey(r.RunId))
                .DistinctBy(r => r.RunId).ToList();
            if (stage.Count > 0)
            {
                onStage?.Invoke(stage);
                foreach (var run in stage) added[run.RunId] = run;
                session.Source.Results(stage); // the whole stage at once, longest first, so no worker waits between claims
            }
            return wanted.ToDictionary(w => w.Key, w => session.Source.Results(w.Value));
        }

        var initial = session.Configurations.Max(c => c.Runs.Count);
        var outcomes = SequentialProcedure.Run(session.Claims, plan, initial, ResultsAt);
        if (plan.Boundaries == SequentialBoundaries.Exact) outcomes = [.. outcomes.Select(o => WithUnionBound(o, session, plan, initial))];
        return new Result(outcomes, session.Source.Results(added.Values.ToList()));
    }

    /// <summary>
    /// The claim under the union bound too, over the looks the exact run took for it: their runs exist, so nothing trains, and
    /// the report can say what the exact boundaries saved (a claim the union bound leaves open there needed another stage).
    /// </summary>
    private static ClaimOutcome WithUnionBound(ClaimOutcome outcome, ExperimentSession session, SequentialPlan plan, int initial)
    {
        var decision = outcome.Decision!;
        var alone = session.Claims with { All = [outcome.Claim] };
        var union = SequentialProcedure.Run(alone, plan with { Boundaries = SequentialBoundaries.Union }, initial,
            (_, seeds, open) => open.ToDictionary(c => c, c => session.Source.Results(RunsAt(session, c, seeds))), decision.Look)[0];
        return outcome with { Decision = decision with { UnionBound = union.Decision } };
    }

    /// <summary>
    /// A claim's runs: every configuration it selects with its own seeds (<paramref name="seeds"/> null: the first look),
    /// or topped up to <paramref name="seeds"/> with the seeds that follow its last.
    /// </summary>
    private static IReadOnlyList<RunConfig> RunsAt(ExperimentSession session, Claim claim, int? seeds)
    {
        return session.Configurations.Where(c => claim.Selects(c.Configuration))
            .SelectMany(c => seeds is not { } target || c.Runs.Count >= target ? c.Runs
                : c.Runs.Concat(Enumerable.Range(c.Runs.Max(r => r.Seed) + 1, target - c.Runs.Count)
                    .Select(seed => c.Configuration with { Seed = seed })))
            .ToList();
    }
}

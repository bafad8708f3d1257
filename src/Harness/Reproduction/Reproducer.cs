using Harness.Baselines;
using Harness.Claims.Sequential;
using Harness.Config.Settings;
using Harness.Report;

namespace Harness.Reproduction;

/// <summary>
/// Reproduces a whole experiment: trains every run, checks both baseline tiers, decides every claim and places every
/// published run. The same session methods the NUnit tests call, gathered into one immutable result. With a sequential
/// plan the claims are decided by <see cref="SequentialDecider"/> instead, and the runs it adds (seeds beyond the
/// experiment's, which have no baselines) join the results for the report, the CSV and the figures.
/// </summary>
public static class Reproducer
{
    public static ExperimentResults Reproduce(ExperimentSession session, SequentialPlan? plan = null, Action<IReadOnlyList<RunConfig>>? onStage = null)
    {
        session.Results(session.Runs); // train everything first, longest runs first
        var exact = session.Runs.Select(run => Guard(() => session.VerifyExact(run.RunId), o => (run.RunId, o.Verdict, o.Message),
            e => (run.RunId, ExactVerdict.Regression, e.Message))).ToList();
        var ensemble = session.Configurations.Select(c => Guard(() => session.VerifyEnsemble(c.Id), o => (c.Id, o.Verdict, o.Message),
            e => (c.Id, EnsembleVerdict.Inconsistent, e.Message))).ToList();
        // Read back after the exact tier: a run it found unstable has been replaced by the retrain that matched its baseline.
        var runs = session.Results(session.Runs);
        var sequential = plan is null ? null : SequentialDecider.Decide(session, plan, onStage);
        var claims = sequential?.Claims ?? session.Claims.Claims.Select(c => session.EvaluateClaim(c.Id)).ToList();
        if (sequential is not null) runs = [.. runs, .. sequential.AddedRuns];
        var published = session.Published.Where(p => session.Configurations.Any(c => c.Id == p.ConfigurationId))
            .Select(p => session.ComparePublished(p.ConfigurationId)).ToList();
        return new ExperimentResults(session.Experiment, runs[0].Fingerprint, runs, exact, ensemble, claims, published, session.Claims.PublishedOutliers);
    }

    /// <summary>A broken baseline file is a failed check with its message, not a crash of the whole reproduction.</summary>
    private static TResult Guard<TOutcome, TResult>(Func<TOutcome> check, Func<TOutcome, TResult> ok, Func<BaselineFormatException, TResult> broken)
    {
        try
        {
            return ok(check());
        }
        catch (BaselineFormatException e)
        {
            return broken(e);
        }
    }
}

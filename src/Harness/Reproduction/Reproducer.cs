using Harness.Baselines;
using Harness.Claims.Sequential;
using Harness.Claims;
using Harness.Settings;
using Harness.Native;
using Harness.Report;

namespace Harness.Reproduction;

/// <summary>
/// Reproduces a whole experiment: trains every run, checks both baseline tiers, decides every claim and places every
/// published run. The same session methods the NUnit tests call, gathered into one immutable result. With a sequential
/// plan the claims are decided by <see cref="SequentialDecider"/> instead, and the runs it adds (seeds beyond the
/// experiment's, which have no baselines) join the results for the report, the CSV and the figures.
/// </summary>
internal static class Reproducer
{
    public static ExperimentResults Reproduce(ExperimentSession session, SequentialPlan? plan = null,
        Action<IReadOnlyList<RunConfig>>? onStage = null)
    {
        // Train everything first, longest runs first. A run that diverges is a failed run, not the end of the reproduction:
        // the others train, and everything that does not need it is checked and reported.
        var diverged = session.Source.Train(session.Runs).OrderBy(d => d.RunId, StringComparer.Ordinal).ToList();
        var lost = diverged.ToDictionary(d => d.RunId);
        IReadOnlyList<DivergedRun> Lost(IEnumerable<RunConfig> runs) => runs.Where(r => lost.ContainsKey(r.RunId))
            .Select(r => lost[r.RunId]).ToList();

        var exact = InParallel(session.Runs, session.Source.Pool.Workers, run => lost.TryGetValue(run.RunId, out var d)
            ? new ExactCheck(run, new ExactOutcome(ExactVerdict.Diverged, d.Message))
            : Guard(() => session.Exact.Verify(run), e => new ExactCheck(run, new ExactOutcome(ExactVerdict.Regression, e.Message))));
        // A configuration that lost a seed is neither compared nor accepted: its survivors are not its distribution.
        var ensemble = session.Configurations.Select(c => Lost(c.Runs) is { Count: > 0 } gone
            ? new EnsembleCheck(c,
                new EnsembleOutcome(EnsembleVerdict.Diverged, $"{gone.Count} of its {c.Runs.Count} seeds diverged: {Describe(gone)}"))
            : Guard(() => session.Ensemble.Verify(c),
                e => new EnsembleCheck(c, new EnsembleOutcome(EnsembleVerdict.Inconsistent, e.Message)))).ToList();
        // Read back after the exact tier: a run it found unstable has been replaced by the retrain that matched its baseline.
        var runs = session.Source.Results(session.Runs.Where(r => !lost.ContainsKey(r.RunId)).ToList());
        // Adding seeds to a reproduction that has already failed would spend the budget on claims its lost runs leave open.
        var sequential = plan is null || diverged.Count > 0 ? null : SequentialDecider.Decide(session, plan, onStage);
        var claims = sequential?.Claims ?? session.Claims.All.Select(c => Lost(c.Runs(session.Runs)) is { Count: > 0 } gone
            ? ClaimOutcome.BlockedBy(c, session.Claims.Alpha,
                $"{Describe(gone)}, and a claim is never decided on the seeds that survived " +
                                                              "(a biased sample of its configurations)")
            : session.Judge.Evaluate(c)).ToList();
        if (sequential is not null) runs = [.. runs, .. sequential.AddedRuns];
        var published = session.Published.Where(p => session.Configurations.Any(c =>
                SettingDifference.Between(p.Config, c.Configuration).Count == 0 && Lost(c.Runs).Count == 0))
            .Select(session.PublishedRuns.Compare).ToList();
        var fingerprint = runs.Count > 0 ? runs[0].Fingerprint : EnvironmentFingerprint.Current();
        return new ExperimentResults(session.Experiment, fingerprint, runs, exact, ensemble, claims, published,
            session.Claims.PublishedOutliers)
        {
            Diverged = diverged,
            PublishedSetAside = session.PublishedSetAside,
        };
    }

    /// <summary>
    /// The exact checks side by side, in the runs' order: a check that meets a difference, or a missing baseline under
    /// accept, waits for its confirming retrain, which the pool trains like any run. Twice as many checks as workers keep
    /// every worker busy when all of them wait (regenerating every baseline costs about two trainings of the experiment,
    /// not one plus a second on one worker); the rest of the checks are quick comparisons of files.
    /// </summary>
    private static IReadOnlyList<T> InParallel<T>(IReadOnlyList<RunConfig> runs, int workers, Func<RunConfig, T> check)
    {
        var outcomes = new T[runs.Count];
        try
        {
            Parallel.For(0, runs.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 * workers }, i => outcomes[i] = check(runs[i]));
        }
        catch (AggregateException e)
        {
            // As the sequential checks threw it: the command line tells its exceptions apart by type.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        return outcomes;
    }

    /// <summary>"run X diverged (loss is NaN at epoch 2, batch 3)", for the first few, and how many more.</summary>
    private static string Describe(IReadOnlyList<DivergedRun> runs)
    {
        var named = runs.Take(3).Select(d => $"run {d.RunId} diverged ({d.Where})");
        return string.Join("; ", named) + (runs.Count > 3 ? $"; and {runs.Count - 3} more diverged" : "");
    }

    /// <summary>A broken baseline file is a failed check with its message, not a crash of the whole reproduction.</summary>
    private static T Guard<T>(Func<T> check, Func<BaselineFormatException, T> broken)
    {
        try
        {
            return check();
        }
        catch (BaselineFormatException e)
        {
            return broken(e);
        }
    }
}

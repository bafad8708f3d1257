using Harness.Baselines;
using Harness.Settings;

namespace Harness.Reproduction;

/// <summary>
/// The exact tier on a run of the experiment: its result from the source against its verified baseline, a difference
/// confirmed by a retrain through the same pool (so confirmations train side by side, like any run), and a result read
/// from the run store that a fresh training contradicts replaced in the store and reported as a run store fault.
/// </summary>
internal sealed class ExactVerifier(RunSource source, BaselineFolder baselines)
{
    public ExactCheck Verify(RunConfig run) => new(run, Outcome(run));

    private ExactOutcome Outcome(RunConfig run)
    {
        var pool = source.Pool;
        // Evaluating merged stores trains nothing: a difference from the baseline stays an unconfirmed regression.
        var outcome =
            ExactTier.Verify(source.Result(run), baselines, pool.CanTrain ? () => pool.Rerun(run).GetAwaiter().GetResult() : null);
        if (outcome.Replacement is not { } confirmed) return outcome;
        pool.Adopt(confirmed);
        if (source.StoredRuns is not { } stored || !stored.WasReused(run.RunId)) return outcome;
        // The first result was read from the run store, not trained here: what disagreed with the fresh training is the
        // stored entry (altered, or stored by a build the key did not tell apart). Replace it, and say so; still a failure.
        var path = source.EntryPath(run);
        stored.Keep(confirmed);
        return outcome with
        {
            Message = $"Run store fault: the result of {run.RunId} was read from {path}, and a training in this " +
                      "process matches the baseline where the stored bits do not. The entry has been replaced by the fresh training; run " +
                      "reproduce --verify to check the rest of the store.\n" + outcome.Message,
        };
    }
}

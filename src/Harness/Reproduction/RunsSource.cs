using Harness.Config.Settings;

namespace Harness.Reproduction;

/// <summary>Where a session's runs came from: how many the run store gave and how many were trained.</summary>
public static class RunsSource
{
    /// <summary>Whether the session's result of the run was read (from its run store, or from the stores it merges) rather than trained.</summary>
    public static Func<RunConfig, bool> Reused(ExperimentSession session) =>
        run => !session.Pool.CanTrain || session.StoredRuns?.WasReused(run.RunId) == true;

    public static string Describe(ExperimentSession session) => session.StoredRuns is { } stored
        ? $"Run store {stored.Store.Root}: {stored.Reused.Count} run(s) reused, {session.Pool.Trained} trained."
        : $"Run store not used: {session.Pool.Trained} run(s) trained.";
}

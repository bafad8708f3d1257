namespace Harness.Reproduction;

/// <summary>Where a session's runs came from, in one line: how many the run store gave and how many were trained.</summary>
public static class RunsSource
{
    public static string Describe(ExperimentSession session) => session.StoredRuns is { } stored
        ? $"Run store {stored.Store.Root}: {stored.Reused.Count} run(s) reused, {session.Pool.Trained} trained."
        : $"Run store not used: {session.Pool.Trained} run(s) trained.";
}

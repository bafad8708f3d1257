using Harness.History;

namespace Harness.Baselines;

internal enum ExactVerdict
{
    /// <summary>Comparable environment, every number equal.</summary>
    Match,

    /// <summary>Comparable environment, some number differs, and a second training repeats it: the code changed what it computes.</summary>
    Regression,

    /// <summary>The profile's comparability rule says the bits cannot be compared; the statistical tier decides.</summary>
    NotComparable,

    /// <summary>No verified file yet.</summary>
    Missing,

    /// <summary>HARNESS_ACCEPT=1: the verified file was (re)written from this run.</summary>
    Accepted,

    /// <summary>Two trainings of the run disagree: a determinism failure.</summary>
    Nondeterministic,

    /// <summary>The run did not finish: its loss became non-finite, so there is no history to compare.</summary>
    Diverged,
}

/// <summary>What the exact tier concluded about one run, with a message for the test report.</summary>
/// <param name="Replacement">A retrained result that matched the baseline, to use instead of the first one.</param>
internal sealed record ExactOutcome(ExactVerdict Verdict, string Message, string? WrittenPath = null, RunResult? Replacement = null);

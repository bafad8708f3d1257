using Harness.Settings;

namespace Harness.Baselines;

/// <summary>The exact tier on one run of an experiment: the run itself, and what the tier concluded about it.</summary>
internal sealed record ExactCheck(RunConfig Run, ExactOutcome Outcome)
{
    public string RunId => Run.RunId;
    public ExactVerdict Verdict => Outcome.Verdict;
    public string Message => Outcome.Message;
}

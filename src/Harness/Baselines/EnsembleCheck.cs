using Harness.Grid;

namespace Harness.Baselines;

/// <summary>The ensemble tier on one configuration of an experiment: the configuration with its seeds, and the tier's conclusion.</summary>
internal sealed record EnsembleCheck(ConfigurationRuns Configuration, EnsembleOutcome Outcome)
{
    public string ConfigurationId => Configuration.Id;
    public EnsembleVerdict Verdict => Outcome.Verdict;
    public string Message => Outcome.Message;
}

using Harness.Claims;
using Harness.Grid;
using Harness.Settings;

namespace Harness.NUnit;

// What each parameterised test of ExperimentTests is given: one run, configuration, claim or published run of the fixture's
// experiment. They are the package's public face of objects whose types are the harness's own (internal, so its public
// surface stays small): a test method must be public, and so must its parameters' types. Each is named by its id.

/// <summary>A case of an experiment's tests, named by its id.</summary>
public abstract class ExperimentCaseItem
{
    // Only the four cases below: a test takes what the fixture builds, never a case of the user's making.
    private protected ExperimentCaseItem()
    {
    }

    public abstract string Id { get; }

    public sealed override string ToString() => Id;
}

/// <summary>One run of the experiment: its seed and settings, as its id says.</summary>
public sealed class RunCase : ExperimentCaseItem
{
    internal RunCase(RunConfig run) => Run = run;

    internal RunConfig Run { get; }

    /// <summary>The run id, e.g. <c>layers-3_dropout-0.2_seed-4</c>.</summary>
    public override string Id => Run.RunId;
}

/// <summary>One configuration of the experiment: its runs over the seeds.</summary>
public sealed class ConfigurationCase : ExperimentCaseItem
{
    internal ConfigurationCase(ConfigurationRuns configuration) => Configuration = configuration;

    internal ConfigurationRuns Configuration { get; }

    /// <summary>The configuration id: the run id without the seed.</summary>
    public override string Id => Configuration.Id;
}

/// <summary>One claim of the experiment's claims.json.</summary>
public sealed class ClaimCase : ExperimentCaseItem
{
    internal ClaimCase(Claim claim) => Claim = claim;

    internal Claim Claim { get; }

    /// <summary>The claim's id in claims.json.</summary>
    public override string Id => Claim.Id;
}

/// <summary>One published run the experiment compares with its reproduced seeds.</summary>
public sealed class PublishedRunCase : ExperimentCaseItem
{
    internal PublishedRunCase(PublishedRun published) => Published = published;

    internal PublishedRun Published { get; }

    /// <summary>The configuration the published run belongs to.</summary>
    public override string Id => Published.ConfigurationId;
}

using Harness.Baselines;
using Harness.Claims.Sequential;
using Harness.Report;
using Harness.Store;

namespace Harness.Reproduction;

/// <summary>
/// What a reproduction is asked to do, whoever asks (the command line, a test project): the experiment as opened, with the
/// caller's options applied, its baselines, the workers, where runs come from, and what to do besides reproducing it.
/// </summary>
/// <param name="Folder">The experiment, its claims and published runs, as the caller opened and overrode it.</param>
/// <param name="Workers">Runs trained side by side, each on one intra-op thread.</param>
internal sealed record ReproductionRequest(ExperimentFolder Folder, BaselineFolder Baselines, int Workers)
{
    /// <summary>Where the report goes; null writes none.</summary>
    public ReportDirectory? Report { get; init; }

    /// <summary>The run store to read and fill; null trains every run.</summary>
    public RunStore? Store { get; init; }

    /// <summary>Empty <see cref="Store"/> first.</summary>
    public bool ClearStore { get; init; }

    /// <summary>Stores to evaluate from, training nothing (the shards of a cluster's array job, merged).</summary>
    public IReadOnlyList<RunStore>? FromStores { get; init; }

    /// <summary>Train only this share of the runs into <see cref="Store"/>, and check nothing (one job of an array).</summary>
    public Shard? Shard { get; init; }

    /// <summary>Add seeds by this plan until every claim is decided; null for a single look.</summary>
    public SequentialPlan? Decide { get; init; }

    /// <summary>Then record each evaluated claim's verdict in the experiment's claims.json; null records nothing.</summary>
    public VerdictRegistration? Register { get; init; }

    /// <summary>After the report, retrain this many of the runs read from the stores and compare them bit for bit.</summary>
    public int? VerifyStore { get; init; }

    /// <summary>The seed of <see cref="VerifyStore"/>'s draw; null: one derived from the training code's identity.</summary>
    public int? VerifySeed { get; init; }
}

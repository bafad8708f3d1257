using System.Diagnostics;
using Harness.Claims.Sequential;
using Harness.Report;
using Harness.Store;

namespace Harness.Reproduction;

/// <summary>
/// A reproduction, whoever starts it: a request in (<see cref="ReproductionRequest"/>), its outcome out, with what it does
/// told as it goes (<see cref="IReproductionEvents"/>). Every run trained or read, both baseline tiers, every claim (in
/// looks, with a decide plan) and the published runs, then the report staged into place, then the store checked and the
/// verdicts registered if asked.
/// A shard only trains its share into the store. The command line is a front end to this: it parses, asks, and prints.
/// </summary>
internal static class ReproductionService
{
    public static ReproductionOutcome Run(ReproductionRequest request, IReproductionEvents events)
    {
        var clock = Stopwatch.StartNew();
        using var session = Open(request, events);
        events.Follow(session.Source);
        if (request.Shard is { } shard)
        {
            TrainShard(session, shard, events);
            return new ReproductionOutcome(null, null, session.Source.Describe(), []);
        }

        var results = Reproduce(request.Decide, session, events);
        var published = request.Report is { } report
            ? ReportPublisher.Publish(report, results, clock.Elapsed.TotalSeconds) : new ReportPublisher.Published(null, []);
        var verifyFailures = request.VerifyStore is { } count ? VerifyStore(session, count, request.VerifySeed, events) : [];
        if (request.Register is { } registration)
            foreach (var line in registration.Record(request.Folder.Files.ClaimsSource, results)) events.Say(line);
        return new ReproductionOutcome(results, published.Files, session.Source.Describe(),
            [.. published.Failures, .. verifyFailures.Select(f => $"--verify: {f}")]);
    }

    /// <summary>The session over the run store (cleared first when asked), the stores merged from a cluster's shards, or
    /// training alone.</summary>
    private static ExperimentSession Open(ReproductionRequest request, IReproductionEvents events)
    {
        if (request.Store is { } store && request.ClearStore)
            events.Say($"Cleared {store.Clear()} run(s) from the run store {store.Root}.");
        var baselines = request.Baselines;
        if (baselines.IsReadOnly)
            events.Say($"Baselines: the copy shipped with this program, {baselines.Directory} (never written; a mismatch's " +
                       $"received file goes to {baselines.ReceivedDirectory}).");
        var session = new ExperimentSession(request.Folder, baselines, request.Workers, events.Observe, request.Store, events.Warnings,
            request.FromStores);
        if (request.FromStores is { } from)
            events.Say($"Evaluating from {from.Count} run store(s), training nothing: {string.Join(", ", from.Select(s => s.Root))}.");
        return session;
    }

    /// <summary>Every run, both tiers, every claim (with a decide plan, in looks) and the published runs.</summary>
    private static Report.ExperimentResults Reproduce(SequentialPlan? plan, ExperimentSession session, IReproductionEvents events)
    {
        if (plan is not null)
            events.Say($"Deciding claims: seeds per configuration at each look: the experiment's own, then " +
                       $"{string.Join(", ", plan.Looks(session.Configurations.Max(c => c.Runs.Count)).Skip(1))} " +
                       $"({plan.Spending.Name} alpha spending).");
        return events.Training(() => Reproducer.Reproduce(session, plan,
            stage => events.Say($"Training {stage.Count} more run(s) for claims still open.")));
    }

    /// <summary>This share of the runs trained (or found) in the store, and nothing else.</summary>
    private static void TrainShard(ExperimentSession session, Shard shard, IReproductionEvents events)
    {
        var runs = shard.Of(session.Runs, session.Source.Cost);
        events.Say($"Shard {shard}: {runs.Count} of {session.Runs.Count} runs, " +
                   $"{runs.Sum(session.Source.Cost) / session.Runs.Sum(session.Source.Cost):P0} of the work.");
        var clock = Stopwatch.StartNew();
        events.Training(() => session.Source.Results(runs));
        events.Say($"Shard {shard} done in {clock.Elapsed.TotalSeconds:0} s: {runs.Count - session.Source.Pool.Trained} " +
                   $"run(s) were already stored, {session.Source.Pool.Trained} trained, in the run store " +
                   $"{session.Source.StoredRuns!.Store.Root}.");
    }

    /// <summary>After the report: the report shows the runs as used, this check says whether the stores can be trusted.</summary>
    private static IReadOnlyList<string> VerifyStore(ExperimentSession session, int count, int? seed, IReproductionEvents events)
    {
        var reused = session.Source.Reused;
        var drawSeed = seed ?? StoreVerification.DefaultSeed(CodeIdentity.Current);
        var drawn = StoreVerification.Draw(reused, count, drawSeed);
        var stores = session.Source.Merged is null ? "store" : "stores";
        events.Say($"Verifying the run {stores}: retraining {drawn.Count} of the {reused.Count} run(s) reused from " +
                   $"{(session.Source.Merged is null ? "it" : "them")} (draw seed {drawSeed}; --verify-seed {drawSeed} repeats it): " +
                   $"{string.Join(", ", drawn.Select(r => r.RunId))}.");
        var differences = events.Training(() => StoreVerification.Verify(session, drawn));
        if (differences.Count == 0 && drawn.Count > 0)
            events.Say($"Verified: all {drawn.Count} retrained run(s) are identical to their stored histories, bit for bit.");
        return differences;
    }
}

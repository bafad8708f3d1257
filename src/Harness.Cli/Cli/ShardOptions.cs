using System.CommandLine;
using Harness.Reproduction;
using Harness.Store;

namespace Harness.Cli;

/// <summary>
/// Spreading an experiment over jobs: <c>--shard i/N</c> trains one cost-balanced share of the runs into a run store and
/// writes no report; <c>--from DIR …</c> merges such stores and writes the report without training.
/// </summary>
internal sealed class ShardOptions
{
    /// <summary>What was asked for, as parsed.</summary>
    public sealed record Request(Shard? Shard = null, IReadOnlyList<string>? From = null)
    {
        public IReadOnlyList<RunStore>? FromStores => From is { Count: > 0 } ? [.. From.Select(d => new RunStore(d))] : null;
    }

    public Option<string?> Shard { get; } = new("--shard")
    {
        Description = "train only this share of the runs (i of N, balanced by cost, the same on every " +
            "machine) into the run store, and stop; auto (or auto/N) takes it from a Slurm array job or a Kubernetes Indexed Job",
        HelpName = "i/N|auto",
    };

    public Option<string[]> From { get; } = CommonOptions.Path(new Option<string[]>("--from")
    {
        Description = "write the report from these run stores (e.g. one per --shard job) without training; " +
            "every run must be in one of them",
        HelpName = "DIR",
        AllowMultipleArgumentsPerToken = true,
    });

    public void AddTo(Command command, StoreOptions store, IEnumerable<Option> trainingOnly)
    {
        command.Add(Shard);
        command.Add(From);
        var training = trainingOnly.ToList();
        command.Validators.Add(result =>
        {
            bool Given(Option option) => result.GetResult(option) is { Implicit: false };
            if (result.GetValue(Shard) is { } shard && Reproduction.Shard.Parse(shard).Error is { } error) result.AddError(error);
            if (Given(Shard))
                foreach (var option in training.Append(From).Append(store.Verify).Where(Given))
                    result.AddError($"{option.Name}: not with --shard (a shard only trains its runs into the store)");
            if (Given(From))
            {
                // --verify retrains some of the runs read, which needs no store to train into.
                foreach (var option in training.Concat(store.All.Except([store.Verify, store.VerifySeed])).Where(Given))
                    result.AddError($"{option.Name}: not with --from (runs come from the named stores; nothing trains)");
                foreach (var directory in result.GetValue(From) ?? [])
                    if (!Directory.Exists(directory)) result.AddError("--from: expected a run store directory, " +
                        $"found no directory '{directory}'");
            }
            if (Given(Shard) && Given(store.NoStore)) result.AddError("--no-store: not with --shard (a shard's runs go to the store)");
            // The store these options need when no --store names one: the environment's, unless it turns the store off.
            var noStore = !Given(store.Store) && !Given(store.NoStore) && StoreLocation.FromEnvironment() is null;
            if (Given(Shard) && noStore)
                result.AddError($"--shard: no run store to train into ({StoreLocation.DisableVariable} is set); name one with --store");
            if (Given(store.Verify) && !Given(From) && noStore)
                result.AddError($"--verify: no run store in use ({StoreLocation.DisableVariable} is set); name one with --store");
        });
    }

    public Request Read(ParseResult parsed) =>
        new(parsed.GetValue(Shard) is { } text ? Reproduction.Shard.Parse(text).Shard : null, parsed.GetValue(From));
}

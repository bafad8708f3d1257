using System.CommandLine;
using Harness.Store;

namespace Harness.Cli;

/// <summary>
/// The run store's options: where it is, whether to use it, clearing it, and checking it by retraining some of its runs.
/// Each instance makes new options (a System.CommandLine option belongs to one command).
/// </summary>
internal sealed class StoreOptions
{
    /// <summary>What was asked for, as parsed.</summary>
    /// <param name="Directory">--store; null: the environment's (<see cref="StoreLocation"/>).</param>
    public sealed record Request(string? Directory = null, bool Disabled = false, bool Clear = false,
        int? Verify = null, int? VerifySeed = null)
    {
        /// <summary>The store to use, or null for none: an explicit --store wins over HARNESS_NO_STORE. Opened before anything
        /// trains, so that a store that cannot be one is refused at once.</summary>
        /// <exception cref="UsageException">A file stands where the store's folder should be.</exception>
        public RunStore? Open()
        {
            if (Disabled) return null;
            var (root, source) = Directory is not null ? (Path.GetFullPath(Directory), "--store")
                : (StoreLocation.FromEnvironment(), StoreLocation.SourceName());
            if (root is null) return null;
            if (StoreLocation.NotAFolder(root) is { } found)
                throw new UsageException($"error: {source} {root}: expected a folder for the run store (or a path where one can be " +
                    $"made), {found}; nothing was trained. Name a folder with --store, or train without the store: --no-store.");
            return new RunStore(root, StoreLocation.LockStaleAfter());
        }
    }

    public Option<string?> Store { get; } = CommonOptions.Path(new Option<string?>("--store")
    {
        Description = $"the run store: finished runs, reused instead of trained [default: ${StoreLocation.Variable}, else " +
                      "$XDG_CACHE_HOME/harness/runs, else ~/.cache/harness/runs]",
        HelpName = "DIR",
    });

    public Option<bool> NoStore { get; } = new("--no-store")
    {
        Description = $"train every run; neither read nor write the run store (as {StoreLocation.DisableVariable}=1 does)",
    };

    public Option<bool> ClearStore { get; } = new("--clear-store") { Description = "delete the run store's entries first" };

    public Option<int?> Verify { get; } = TypedOption.OptionalInteger("--verify",
        "then retrain N of the runs reused from the store (or read with --from), drawn at random (all of them if N is more), and " +
        "fail naming each whose bits differ", 1);

    public Option<int?> VerifySeed { get; } = TypedOption.OptionalInteger("--verify-seed",
        "with --verify: the draw's seed [default: from the training code's identity; printed]", 0);

    public IEnumerable<Option> All => [Store, NoStore, ClearStore, Verify, VerifySeed];

    /// <param name="maintenance">Also --clear-store, --verify and --verify-seed; false: where the store is and whether to use it
    /// (<c>harness run</c>).</param>
    public void AddTo(Command command, bool maintenance = true)
    {
        foreach (var option in maintenance ? All : [Store, NoStore]) command.Add(option);
        command.Validators.Add(result =>
        {
            if (result.GetResult(VerifySeed) is { Implicit: false }
                && result.GetResult(Verify) is null) result.AddError("--verify-seed: only with --verify");
            if (!result.GetValue(NoStore)) return;
            foreach (var option in new Option[] { Store, ClearStore, Verify })
                if (result.GetResult(option) is { Implicit: false }) result.AddError($"{option.Name}: not with --no-store");
        });
    }

    public Request Read(ParseResult parsed) =>
        new(parsed.GetValue(Store), parsed.GetValue(NoStore), parsed.GetValue(ClearStore), parsed.GetValue(Verify),
            parsed.GetValue(VerifySeed));
}

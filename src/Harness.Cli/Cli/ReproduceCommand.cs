using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Harness.Baselines;
using Harness.Claims;
using Harness.Claims.Sequential;
using Harness.Config;
using Harness.Settings;
using Harness.Grid;
using Harness.History;
using Harness.Native;
using Harness.Report;
using Harness.Reproduction;
using Harness.Store;
using Harness.Training;

namespace Harness.Cli;

/// <summary>
/// <c>harness reproduce</c>: the whole experiment — every run trained side by side, both baseline tiers, every claim and
/// published comparison — into <c>OUT/&lt;experiment&gt;/</c>: report.md, histories.csv, claims.json, runs/, figures/, and
/// timings.json (wall times, kept apart so the other files are byte-identical between runs), replacing only the files an
/// earlier report wrote (<see cref="ReportDirectory"/>); an <c>--out</c> over the experiment's own files, or one that
/// cannot be written, is refused before anything trains (exit code 2). Exit code 0 when everything holds, 1 on a
/// regression, a diverged run (a failed run: the others still train and the report says which), a verdict that differs
/// from its registration, or a report that could not be written. With <c>--register</c>, each evaluated
/// claim's verdict is then recorded in the experiment's claims.json as a regression snapshot of this run. Runs found in the
/// run store are reused rather than trained (<see cref="StoreOptions"/>); the report's files are the same bytes either way.
/// </summary>
internal static class ReproduceCommand
{
    /// <summary>What <c>reproduce</c> was asked to do, as parsed.</summary>
    /// <param name="Decide">Add seeds until every claim is decided (or the budget is spent): see <see cref="SequentialDecider"/>.</param>
    /// <param name="MaxSeeds">The budget for <paramref name="Decide"/>; null: the claims file's, else 40.</param>
    /// <param name="Boundaries">How <paramref name="Decide"/>'s looks turn α into test levels; null: the claims file's.</param>
    public sealed record Request(string Experiment, int? Seeds, string OutRoot, int Workers, string? DataDirectory,
        NumericsProfile? Numerics, IReadOnlyDictionary<string, string?> Settings, string? Baselines, bool Register = false,
        bool Decide = false, int? MaxSeeds = null, SequentialBoundaries? Boundaries = null,
        StoreOptions.Request? Store = null, ShardOptions.Request? Sharding = null,
        ConclusionsDetail Conclusions = ConclusionsDetail.Brief);

    /// <summary>The option that shows every claim's parts in the conclusions block, as the block itself says.</summary>
    public const string ShowAllConclusions = "--conclusions full";

    public static Command Create()
    {
        var experiment = CommonOptions.Experiment();
        var seeds =
            TypedOption.OptionalInteger("--seeds",
                "seeds per configuration, in every grid [default: the experiment's]", 1, GridSpec.MaxSeeds);
        var outRoot = CommonOptions.Out("artifacts", "the report goes to DIR/<experiment>/");
        var workers = CommonOptions.Workers();
        var dataDir = CommonOptions.DataDirectory();
        var numerics = CommonOptions.Numerics("the experiment's");
        var set = SetOption.Create();
        var baselines = CommonOptions.Baselines();
        var register = new Option<bool>("--register")
        {
            Description = "then record each evaluated claim's verdict in the experiment's claims.json, as a regression snapshot " +
                          "(seeds, numerics profile, date, git commit)",
        };
        var decide = new Option<bool>("--decide")
        {
            Description = "add seeds in stages to the configurations undecided claims depend on, until every claim is decided or " +
                          "the budget is spent (the claims file's \"decide\" block sets the plan, and its \"spending\" how alpha " +
                          "is shared among the looks: bonferroni (even, the default), pocock or obrien-fleming)",
        };
        var maxSeeds =
            TypedOption.OptionalInteger("--max-seeds",
                "with --decide: seeds per configuration at the last look [default: the claims file's, else 40]", 2, GridSpec.MaxSeeds);
        var boundaries = TypedOption.Create<SequentialBoundaries?>("--boundaries",
            "with --decide: exact (the sign test's exact group-sequential boundaries; every other test the union bound) or " +
            "union (every test held to its look's share of alpha) [default: the claims file's, else exact]", "exact or union",
            (string text, out SequentialBoundaries? value) => (value = PlanJson.FindBoundaries(text)) is not null,
            "exact|union");
        // Not --verbose, which shows the stack trace of an unexpected error: this is about the results, not the harness.
        var conclusions = TypedOption.Create<ConclusionsDetail>("--conclusions",
            "the conclusions printed at the end: brief (a claim as registered in one line; the others with their parts) or " +
            "full (every claim with its parts) [default: brief]", ConclusionsDetails.Expected,
            (string text, out ConclusionsDetail detail) =>
            {
                var parsed = ConclusionsDetails.Parse(text);
                detail = parsed ?? default;
                return parsed is not null;
            }, ConclusionsDetails.Names);
        conclusions.DefaultValueFactory = _ => ConclusionsDetail.Brief;
        var store = new StoreOptions();
        var command = new Command("reproduce", "Reproduce a whole experiment: every run, baselines, claims and a report.")
        {
            experiment, seeds, outRoot, workers, dataDir, numerics, set, baselines, register, decide, maxSeeds, boundaries,
            conclusions,
        };
        command.Validators.Add(result =>
        {
            // Whether it was given, not its value: GetValue throws from inside Parse when the value did not parse.
            if (result.GetResult(maxSeeds) is { Implicit: false } && !result.GetValue(decide))
                result.AddError("--max-seeds: only with --decide");
            if (result.GetResult(boundaries) is { Implicit: false } && !result.GetValue(decide))
                result.AddError("--boundaries: only with --decide");
        });
        store.AddTo(command);
        var sharding = new ShardOptions();
        sharding.AddTo(command, store, [register, decide, maxSeeds, boundaries]);
        command.SetAction(parsed => Execute(new Request(parsed.GetValue(experiment)!, parsed.GetValue(seeds), parsed.GetValue(outRoot)!,
                CommonOptions.WorkersOf(parsed, workers), parsed.GetValue(dataDir), parsed.GetValue(numerics),
                parsed.GetValue(set)!, parsed.GetValue(baselines),
                parsed.GetValue(register), parsed.GetValue(decide), parsed.GetValue(maxSeeds),
                parsed.GetValue(boundaries), store.Read(parsed), sharding.Read(parsed),
                parsed.GetValue(conclusions)),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    public static int Execute(Request request, TextWriter output, TextWriter error)
    {
        var folder = Open(request);
        var report = new ReportDirectory(request.OutRoot, folder.Experiment.Name);
        ThrowIfInconsistent(folder, request, report);
        // Opened with the usage checks: HARNESS_ACCEPT=1 over the baselines an installed tool ships is refused before anything loads.
        var baselines = folder.Baselines(BaselinePolicy.FromEnvironment());
        // Read now, so a --register outside a git checkout is refused before anything trains.
        var stamp = request.Register ? RegistrationStamp.For(folder.Files.ClaimsSource, folder.Claims.All) : default;
        // Opened now, so a store that is a file is refused before anything loads; none with --from, which trains nothing.
        var runStore = request.Sharding?.FromStores is null ? (request.Store ?? new StoreOptions.Request()).Open() : null;
        TorchRuntime.Initialize(folder.Experiment.Numerics);

        var clock = Stopwatch.StartNew();
        var interactive = !Console.IsOutputRedirected && !BaselinePolicy.FromEnvironment().IsCi
            && ReferenceEquals(output, Console.Out);
        output.WriteLine($"Reproducing {folder.Experiment.Name} into {report.Path} with {request.Workers} worker(s)" +
                         $"{(request.Seeds is { } seeds ? $", {seeds} seed(s) per configuration" : "")}, " +
                         $"numerics {folder.Experiment.Numerics.Name}.");
        foreach (var sentence in SetAsidePublishedRun.Sentences(folder.PublishedSetAside)) output.WriteLine(sentence);
        var shard = request.Sharding?.Shard;
        // A shard writes no report, so its --out is neither used nor cleaned.
        Leftovers.Remove(output, shard is null ? report.OutRoot : null);
        var console = new TrainingProgress(shard is null ? folder.Experiment.Name : $"{folder.Experiment.Name} shard {shard}", output,
            error, interactive);
        var plan = Plan(request, folder.Claims);
        var outcome = ReproductionService.Run(new ReproductionRequest(folder, baselines, request.Workers)
        {
            Report = shard is null ? report : null,
            Store = runStore,
            ClearStore = request.Store?.Clear == true,
            FromStores = request.Sharding?.FromStores,
            Shard = shard,
            Decide = request.Decide ? plan : null,
            VerifyStore = request.Store?.Verify,
            VerifySeed = request.Store?.VerifySeed,
            Register = request.Register
                ? new VerdictRegistration(stamp.Date, stamp.Commit,
                    request.Decide || folder.Claims.Decide is not null ? plan : null, request.Decide)
                : null,
        }, console);
        if (outcome.Results is not { } results) return ExitCodes.Done; // a shard: its runs are in the store

        // The runs' source is said once, in the conclusions block's footer; what holds and what was not verified too, in the
        // report's own sentences.
        string[] footer = outcome.ReportFiles is null ? [outcome.RunsFrom] : [outcome.RunsFrom, ConclusionsBlock.ReportLine(report.Path)];
        output.WriteLine();
        output.Write(ConclusionsBlock.Render(results, footer, request.Conclusions, ShowAllConclusions));
        output.WriteLine();
        if (outcome.ReportFiles is { } files)
            output.WriteLine($"Wrote {Path.Combine(report.Path, MarkdownReport.FileName)} and {files.Count - 1} other files in " +
                             $"{clock.Elapsed.TotalSeconds:0} s.");
        foreach (var failure in outcome.Failures) error.WriteLine($"error: {failure}");
        if (!results.Holds) error.WriteLine("Not everything holds: see the summary in the report.");
        return outcome.Holds ? ExitCodes.Done : ExitCodes.Failed;
    }

    /// <summary>
    /// The experiment as configured — its file, then HARNESS__ environment variables, then <c>--set</c>, each overriding the
    /// one before — with the typed options' values set on it.
    /// </summary>
    private static ExperimentFolder Open(Request request) =>
        WithOptions(ExperimentFolder.Open(request.Experiment, request.Settings, request.Baselines), request);

    /// <summary>The claims file's plan, with <c>--max-seeds</c> in place of its budget and <c>--boundaries</c> of its
    /// boundaries (either way an exploratory plan, never registered).</summary>
    private static SequentialPlan Plan(Request request, ClaimSet claims) => claims.DecidePlan with
    {
        MaxSeeds = request.MaxSeeds ?? claims.DecidePlan.MaxSeeds,
        Boundaries = request.Boundaries ?? claims.DecidePlan.Boundaries,
    };

    /// <summary>
    /// The usage checks that need the experiment's files, and so cannot be System.CommandLine validators (which see only the
    /// command line): made together here, before libtorch loads and anything trains.
    /// </summary>
    private static void ThrowIfInconsistent(ExperimentFolder folder, Request request, ReportDirectory report)
    {
        var runs = ExperimentGrid.Runs(folder.Experiment).Count;
        // More shards than runs leaves jobs with nothing to train: a mistyped count, refused before it costs a job array.
        if (request.Sharding?.Shard is { } shard && shard.Count > runs)
            throw new UsageException($"error: --shard: {shard} splits {folder.Experiment.Name}'s {runs} runs into more shards " +
                $"than runs; expected N <= {runs}");
        var seeds = folder.Experiment.Grids.Max(g => g.SeedCount);
        if (request.Decide && (request.MaxSeeds ?? folder.Claims.DecidePlan.MaxSeeds) is var maxSeeds && maxSeeds < seeds)
            throw new UsageException($"error: --max-seeds: expected at least the {seeds} seeds the experiment " +
                $"already has, found {maxSeeds}");
        // A plan chosen at the command line after seeing the data is exploratory: what it decides is never a registration.
        if (request.Register && request.Decide && request.MaxSeeds is { } budget && budget != folder.Claims.DecidePlan.MaxSeeds)
            throw new UsageException($"error: --register: --max-seeds {budget} is not the plan the claims file declares " +
                $"(maxSeeds {folder.Claims.DecidePlan.MaxSeeds}), so this run's verdicts are exploratory and are never registered");
        if (request.Register && request.Decide && request.Boundaries is { } rule && rule != folder.Claims.DecidePlan.Boundaries)
            throw new UsageException($"error: --register: --boundaries {PlanJson.Name(rule)} is not the plan the claims file " +
                $"declares (boundaries {PlanJson.Name(folder.Claims.DecidePlan.Boundaries)}), so this run's verdicts are " +
                "exploratory and are never registered");
        // A shard writes no report, so its --out is neither checked nor created.
        if (request.Sharding?.Shard is null) OutDirectoryCheck.ThrowIfUnsafe(report, folder);
    }

    /// <summary>The experiment with what <c>--seeds</c>, <c>--data-dir</c> and <c>--numerics</c> say in place of its own.</summary>
    private static ExperimentFolder WithOptions(ExperimentFolder folder, Request request)
    {
        var experiment = folder.Experiment;
        if (request.Seeds is { } seeds)
        {
            if (experiment.Grids.FirstOrDefault(g => (long)g.FirstSeed + seeds - 1 > int.MaxValue) is { } grid)
                throw new UsageException($"error: --seeds: {seeds} seeds from grid {grid.Name}'s first seed, {grid.FirstSeed}, go past " +
                    $"the largest seed, {int.MaxValue}");
            experiment = experiment with { Grids = [.. experiment.Grids.Select(g => g with { SeedCount = seeds })] };
        }
        // Relative to where it was typed, as every path on a command line.
        if (request.DataDirectory is { } data) experiment = experiment with { DataDirectory = Path.GetFullPath(data) };
        if (request.Numerics is { } numerics) experiment = experiment with { Numerics = numerics };
        return folder with { Experiment = experiment };
    }
}

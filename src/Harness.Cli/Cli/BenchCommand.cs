using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Harness.Claims;
using Harness.Config;
using Harness.Settings;
using Harness.Data;
using Harness.Native;
using Harness.Profiling;
using Harness.Reproduction;
using Harness.Training;
using Harness.Bench;
using Harness.Runs;

namespace Harness.Cli;

/// <summary>
/// <c>harness bench</c>: trains the configurations of an experiment's first grid (for the tutorial, its 10 runs) with one
/// seed, side by side as in real use, once per numerics profile, and prints one JSON line per profile: counted matmul
/// FLOPs, wall seconds, the matmul throughput measured in the same process at the same shapes (a replay of the runs'
/// matmuls, in parallel the same way, before and after training; the faster counts), the FLOP-bound seconds,
/// ratio = wall / bound, and peak RSS. Beside that FLOP bound, the roofline bound adds the runs' unavoidable memory traffic at
/// the bandwidth measured in the same process (<see cref="Roofline"/>), with its own ratio. <c>--profile</c> trains the grid a
/// second time with every run's time lapped by phase (<see cref="RunProfile"/>) and gives each phase beside its bound.
/// A last line gives the portable profile's cost relative to native, then, with <c>--profile</c>, the phases of both
/// profiles as a table. A profile is fixed once libtorch loads, so each runs in a child process; <c>--numerics</c> benches
/// one profile in this process.
/// A benchmark, not a test: the figures go in notes, never in assertions.
/// </summary>
internal static class BenchCommand
{
    /// <summary>What <c>bench</c> was asked to do, as parsed.</summary>
    public sealed record Request(string Experiment, int Seed, int Workers, int ReplayEpochs,
        string? DataDirectory, NumericsProfile? Numerics, bool Profile = false)
    {
        /// <summary>Experiment keys overridden by <c>--set</c> (a convnet benched on one epoch: <c>run:epochs=1</c>).</summary>
        public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();

        /// <summary>The same bench as a child's command line, for one profile.</summary>
        public IEnumerable<string> ChildArguments(NumericsProfile profile)
        {
            string[] args = ["bench", "--experiment", Experiment, "--seed", Invariant(Seed), "--workers", Invariant(Workers),
                "--replay-epochs", Invariant(ReplayEpochs), "--numerics", profile.Name];
            args = [.. args, .. Overrides.SelectMany(o => new[] { "--set", $"{o.Key}={o.Value}" })];
            if (Profile) args = [.. args, "--profile"];
            return DataDirectory is null ? args : [.. args, "--data-dir", DataDirectory];
        }

        private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
    }

    public static Command Create()
    {
        var experiment = CommonOptions.Experiment();
        var seed = TypedOption.Integer("--seed", "the one seed every configuration trains with", 0, 1);
        var workers = CommonOptions.Workers();
        var replayEpochs = TypedOption.Integer("--replay-epochs", "epochs of matmuls replayed to measure throughput", 1, 3);
        var dataDir = CommonOptions.DataDirectory();
        var numerics = CommonOptions.Numerics("each profile in turn, each in a child process");
        var set = SetOption.Create();
        var profile = new Option<bool>("--profile")
        {
            Description = "train the grid again with each run's time taken phase by phase, and print each phase beside its bound",
        };
        var command = new Command("bench", "Time an experiment's first grid once per numerics profile; JSON lines of throughput.")
        {
            experiment, seed, workers, replayEpochs, dataDir, numerics, set, profile,
        };
        command.SetAction(parsed => Execute(new Request(parsed.GetValue(experiment)!, parsed.GetValue(seed),
                CommonOptions.WorkersOf(parsed, workers), parsed.GetValue(replayEpochs), parsed.GetValue(dataDir),
                parsed.GetValue(numerics), parsed.GetValue(profile))
            {
                Overrides = parsed.GetValue(set)!,
            },
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    public static int Execute(Request request, TextWriter output, TextWriter error)
    {
        // Opened here too, so a wrong experiment is reported once, by this process, before any child starts.
        var folder = Open(request);
        var experiment = folder.Experiment;
        if (Unbenchable(experiment) is { } why) throw new UsageException($"error: --experiment {experiment.Name}: {why}");
        // Bench compares nothing with them, but says what --set did to them as reproduce does; on standard error, since standard
        // output is JSON lines (a child's standard error is shown only when it fails, so the parent's lines are the ones seen).
        foreach (var sentence in SetAsidePublishedRun.Sentences(folder.PublishedSetAside)) error.WriteLine(sentence);
        // On the error stream: the output is JSON lines.
        Leftovers.Remove(error);
        if (request.Numerics is null) return EveryProfile(request, output, error);

        TorchRuntime.Initialize(request.Numerics);
        output.WriteLine(Measure(Configurations(experiment, request.Seed), request, request.DataDirectory ?? experiment.DataDirectory)
            .ToJsonString());
        return ExitCodes.Done;
    }

    /// <summary>
    /// Why bench cannot measure the experiment, or null: its bound comes from a layer list's matrix products and its replay
    /// multiplies MNIST-shaped batches, so a C# model (no layer list) or a C# data source (not MNIST) has neither.
    /// </summary>
    public static string? Unbenchable(Experiment experiment)
    {
        var model = Configurations(experiment, seed: 1).Select(c => c.ModelClass).FirstOrDefault(m => m is not null);
        var what = (model, experiment.DataClass) switch
        {
            ({ } m, _) => $"its model is the C# class {m.ClassName}, which has no layer list",
            (null, { } d) => $"its data come from the C# class {d.FullName}, not from MNIST's files",
            _ => null,
        };
        return what is null ? null : $"bench compares training time with a bound computed from a layer list's matrix products on " +
            $"MNIST, and {what}. Time its runs with reproduce instead: the report folder's {Report.ReportPublisher.TimingsFile} " +
            "gives each run's seconds";
    }

    /// <summary>The first grid's configurations, each with the given seed: what one bench trains.</summary>
    public static IReadOnlyList<RunConfig> Configurations(Experiment experiment, int seed) =>
        experiment.Grids[0].Combinations().Select(c => c with { Seed = seed }).ToList();

    /// <summary>Bench reads no baselines, so it works outside the repository too (where a shipped experiment's are not).</summary>
    private static ExperimentFolder Open(Request request) => ExperimentFolder.Open(request.Experiment, request.Overrides);

    /// <summary>Each profile in a child process of its own, then the portable profile's cost relative to native.</summary>
    private static int EveryProfile(Request request, TextWriter output, TextWriter error)
    {
        var lines = new Dictionary<string, JsonNode>();
        foreach (var profile in NumericsProfile.All)
        {
            var (exitCode, stdout, stderr) = SelfProcess.Run(request.ChildArguments(profile));
            if (exitCode != 0)
            {
                error.Write(stderr);
                error.WriteLine($"error: bench --numerics {profile.Name} exited {exitCode}");
                return exitCode;
            }
            var line = stdout.Trim().Split('\n')[^1];
            output.WriteLine(line);
            lines[profile.Name] = JsonNode.Parse(line)!;
        }

        double Ratio(string key) => Math.Round(
            lines[NumericsProfile.Portable.Name][key]!.GetValue<double>() / lines[NumericsProfile.Native.Name][key]!.GetValue<double>(), 3);
        output.WriteLine(new JsonObject
        {
            ["portable_cost"] = new JsonObject { ["wall"] = Ratio("wall_seconds"), ["bound"] = Ratio("bound_seconds") },
        }.ToJsonString());
        if (request.Profile) output.Write(BenchPhaseTable.Markdown(lines));
        return ExitCodes.Done;
    }

    private static JsonObject Measure(IReadOnlyList<RunConfig> configs, Request request, string? dataDir)
    {
        // A grid of fewer runs than workers keeps only as many busy: the replay, the bandwidth and the phases' shares too.
        var workers = Math.Min(request.Workers, configs.Count);
        var dataset = ImageDataset.Load(DataLocator.Locate(dataDir, MnistFiles.All));
        // A grid may vary the sample sizes; each size's split is made once, before the runs start side by side.
        var splits = new SplitCache(dataset);
        foreach (var config in configs) splits.For(config);
        double Flops(RunConfig c) => FlopCount.ForRun(c, dataset.Shape);

        // The replay runs before and after training, and the bandwidth twice, and the faster counts: on a shared machine a
        // slow measurement would flatter the ratio, and the bound must be the strictest one measured. The bandwidth comes
        // after training, so that its arrays (up to 256 MiB a worker) stay out of training's peak RSS.
        var before = GemmReplay.MeasureThroughput(configs, dataset.Shape, workers, request.ReplayEpochs);
        var clock = Stopwatch.StartNew();
        WorkerPool.Run(configs, Flops, c => Trainer.Train(c, splits.For(c)), workers);
        var wall = clock.Elapsed.TotalSeconds;
        var peakRss = PeakRssBytes();
        var bandwidth = StreamBandwidth.Measure(workers);
        (IReadOnlyList<RunProfile> Runs, double Wall)? profiles =
            request.Profile ? Profile(configs, splits, Flops, workers) : null;
        var after = GemmReplay.MeasureThroughput(configs, dataset.Shape, workers, request.ReplayEpochs);
        bandwidth = bandwidth.Max(StreamBandwidth.Measure(workers));
        var throughput = Math.Max(before, after);

        var roofline = Roofline.For(configs, dataset.Shape, throughput, bandwidth);
        var fingerprint = TorchRuntime.Fingerprint;
        var line = new JsonObject
        {
            ["numerics"] = fingerprint.Numerics,
            ["mkl_cbwr"] = fingerprint.MklCbwr,
            ["cpu_capability"] = fingerprint.CpuCapability,
            ["runs"] = configs.Count,
            ["workers"] = workers,
            ["intra_op_threads"] = fingerprint.IntraOpThreads,
            ["flops"] = configs.Sum(Flops),
            ["wall_seconds"] = Math.Round(wall, 3),
            ["sgemm_gflops"] = Math.Round(throughput / 1e9, 2),
            ["sgemm_gflops_before"] = Math.Round(before / 1e9, 2),
            ["sgemm_gflops_after"] = Math.Round(after / 1e9, 2),
            ["bound_seconds"] = roofline.FlopBound,
            ["ratio"] = Math.Round(wall / roofline.FlopBound, 4),
            ["traffic_bytes"] = roofline.TrafficBytes,
            ["bandwidth_gbs"] = new JsonObject(bandwidth.Points.Select(p => KeyValuePair.Create<string, JsonNode?>(
                string.Create(CultureInfo.InvariantCulture, $"{p.WorkingSet / 1024:0}KiB"), Math.Round(p.BytesPerSecond / 1e9, 1)))),
            ["roofline_seconds"] = roofline.Total,
            ["roofline_ratio"] = Math.Round(wall / roofline.Total, 4),
            ["peak_rss_mb"] = Math.Round(peakRss / 1048576.0, 1),
        };
        if (profiles is not null) line["profile"] = ProfileJson(profiles.Value.Runs, profiles.Value.Wall, workers, roofline);
        return line;
    }

    /// <summary>The grid trained again, side by side as before, each run with its time taken by phase.</summary>
    private static (IReadOnlyList<RunProfile> Runs, double Wall) Profile(IReadOnlyList<RunConfig> configs, SplitCache splits,
        Func<RunConfig, double> flops, int workers)
    {
        var profiles = configs.ToDictionary(c => c, _ => new RunProfile());
        var clock = Stopwatch.StartNew();
        WorkerPool.Run(configs, flops, c => Trainer.Train(c, splits.For(c), profile: profiles[c]), workers);
        return ([.. profiles.Values], clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Each phase's time summed over the runs and divided by the workers, so that it reads as wall time like its bound; and the
    /// workers' idle time (the profiled wall times the workers, less every run's time), where the grid's last runs leave a
    /// worker without work.
    /// </summary>
    private static JsonObject ProfileJson(IReadOnlyList<RunProfile> runs, double wall, int workers, Roofline roofline)
    {
        var phases = new JsonObject();
        foreach (var phase in Enum.GetValues<Phase>())
        {
            phases[BenchPhaseTable.Key(phase)] = new JsonObject
            {
                ["seconds"] = Math.Round(runs.Sum(r => r[phase]) / workers, 3),
                ["bound"] = roofline[phase],
            };
        }
        return new JsonObject
        {
            ["wall_seconds"] = Math.Round(wall, 3),
            ["idle_seconds"] = Math.Round(wall - runs.Sum(r => r.Total) / workers, 3),
            ["phases"] = phases,
        };
    }

    /// <summary>VmHWM from /proc/self/status: the process's peak resident set.</summary>
    private static double PeakRssBytes()
    {
        const string key = "VmHWM:";
        var line = File.Exists("/proc/self/status")
            ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))
            : null;
        return line is null ? double.NaN
            : double.Parse(line[key.Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) * 1024;
    }
}

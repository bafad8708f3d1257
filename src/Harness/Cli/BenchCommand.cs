using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Harness.Config;
using Harness.Config.Settings;
using Harness.Data;
using Harness.Native;
using Harness.Training;

namespace Harness.Cli;

/// <summary>
/// <c>harness bench</c>: trains the tutorial's grid (10 runs, one seed) side by side as in real use, once per numerics
/// profile, and prints one JSON line per profile: counted matmul FLOPs, wall seconds, the matmul throughput measured in
/// the same process at the same shapes (a replay of the runs' matmuls, in parallel the same way, before and after
/// training; the faster counts), the FLOP-bound seconds, ratio = wall / bound, and peak RSS. A last line gives the
/// portable profile's cost relative to native. A profile is fixed once libtorch loads, so each runs in a child process;
/// <c>--numerics</c> benches one profile in this process. A benchmark, not a test: the figures go in notes, never in assertions.
/// </summary>
public static class BenchCommand
{
    public static readonly string[] Options = ["seed", "workers", "data-dir", "replay-epochs", "numerics"];

    public static int Execute(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var options = new CommandOptions("bench", args, Options);
        var seed = options.Int("seed", 1);
        var workers = options.Int("workers", RunScheduler.DefaultWorkers);
        var replayEpochs = options.Int("replay-epochs", 3);
        var numerics = options.Numerics();
        if (workers < 1) options.AddError($"option '--workers': expected an integer >= 1, found {workers}");
        if (replayEpochs < 1) options.AddError($"option '--replay-epochs': expected an integer >= 1, found {replayEpochs}");
        options.ThrowIfInvalid();

        if (numerics is not null)
        {
            TorchRuntime.Initialize(numerics);
            output.WriteLine(Measure(seed, workers, replayEpochs, options.String("data-dir")).ToJsonString());
            return 0;
        }
        return EveryProfile(args, output, error);
    }

    /// <summary>Each profile in a child process of its own, then the portable profile's cost relative to native.</summary>
    private static int EveryProfile(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var lines = new Dictionary<string, JsonNode>();
        foreach (var profile in NumericsProfile.All)
        {
            var (exitCode, stdout, stderr) = SelfProcess.Run(["bench", .. args, "--numerics", profile.Name]);
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
        return 0;
    }

    private static JsonObject Measure(int seed, int workers, int replayEpochs, string? dataDir)
    {
        var dataset = ImageDataset.Load(DataLocator.Locate(dataDir, MnistFiles.All));
        var configs = (from layers in new[] { 1, 3, 5, 7, 9 }
                       from dropout in new[] { 0.0, 0.2 }
                       select new RunConfig { Layers = layers, Dropout = dropout, Seed = seed }).ToList();
        var split = dataset.FirstN(configs[0].NTrain, configs[0].NValidation);
        double Flops(RunConfig c) => FlopCount.ForRun(c, dataset.Features, dataset.Classes);

        // The replay runs before and after training and the faster one counts: on a shared machine a slow replay would
        // flatter the ratio, and the bound must be the strictest one measured.
        var before = GemmReplay.MeasureThroughput(configs, dataset.Features, dataset.Classes, workers, replayEpochs);
        var clock = Stopwatch.StartNew();
        RunScheduler.Run(configs, Flops, c => Trainer.Train(c, split), workers);
        var wall = clock.Elapsed.TotalSeconds;
        var after = GemmReplay.MeasureThroughput(configs, dataset.Features, dataset.Classes, workers, replayEpochs);
        var throughput = Math.Max(before, after);

        var flops = configs.Sum(Flops);
        var bound = flops / throughput;
        var fingerprint = TorchRuntime.Fingerprint;
        return new JsonObject
        {
            ["numerics"] = fingerprint.Numerics,
            ["mkl_cbwr"] = fingerprint.MklCbwr,
            ["cpu_capability"] = fingerprint.CpuCapability,
            ["runs"] = configs.Count,
            ["workers"] = workers,
            ["intra_op_threads"] = fingerprint.IntraOpThreads,
            ["flops"] = flops,
            ["wall_seconds"] = Math.Round(wall, 3),
            ["sgemm_gflops"] = Math.Round(throughput / 1e9, 2),
            ["sgemm_gflops_before"] = Math.Round(before / 1e9, 2),
            ["sgemm_gflops_after"] = Math.Round(after / 1e9, 2),
            ["bound_seconds"] = Math.Round(bound, 3),
            ["ratio"] = Math.Round(wall / bound, 4),
            ["peak_rss_mb"] = Math.Round(PeakRssBytes() / 1048576.0, 1),
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

using System.Text.Json;
using Harness.History;

namespace Harness.Tests.Reproduction;

/// <summary>
/// The portable profile's promise, tested across CPU vendors on one machine: a short real-MNIST run natively and under
/// qemu-user as an Intel Haswell and as an AMD EPYC-Rome must give identical bits. As its control, the native profile's
/// runs must differ between the two emulated vendors, which shows the comparison able to fail. And the end-to-end
/// determinism check on emulated AMD, whose MKL kernels made results depend on buffer alignment without strict CNR mode.
/// A tiny convnet (im2col convolutions, max pooling) is held to the same promise across six processes.
/// </summary>
[Category("CrossCpu")]
public sealed class CrossCpuTests
{
    // Real MNIST at the tutorial's width, batch 128 and partial batches in training (200 = 128 + 72) and validation
    // (300 = 2·128 + 44): the partial batches are where MKL's AMD and Intel kernels were seen to part. Small, because
    // the emulator runs it about 100× slower than the host.
    private static readonly string[] ShortRun =
        ["run", "--layers", "2", "--dropout", "0.2", "--n-train", "200", "--n-validation", "300", "--epochs", "1", "--seed", "1"];

    private string _out = null!;

    [SetUp]
    public void CreateOutput()
    {
        Emulator.RequireOrSkip();
        _out = TestScratch.Path("harness-cross-cpu");
    }

    [TearDown]
    public void DeleteOutput()
    {
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
    }

    [Test]
    public void The_portable_profile_gives_the_same_bits_natively_on_emulated_intel_and_on_emulated_amd()
    {
        var runs = RunAll("portable", null, Emulator.Intel, Emulator.Amd);
        var (host, intel, amd) = (runs[0], runs[1], runs[2]);

        Assert.Multiple(() =>
        {
            Assert.That(intel.Field("cpu_vendor"), Is.EqualTo("GenuineIntel"), "the emulator presented an Intel CPU");
            Assert.That(amd.Field("cpu_vendor"), Is.EqualTo("AuthenticAMD"), "the emulator presented an AMD CPU");
            Assert.That(amd.Field("mkl_cpu_type"), Is.EqualTo(intel.Field("mkl_cpu_type")),
                "with the vendor override, MKL classes the AMD CPU as it does the Intel one");
            Assert.That(intel.History.SameAs(host.History), Is.True, "emulated Intel against this host:\n" +
                HistoryDiff.Table(host.History, intel.History));
            Assert.That(amd.History.SameAs(host.History), Is.True, "emulated AMD against this host:\n" +
                HistoryDiff.Table(host.History, amd.History));
        });
        Assert.Pass($"Identical bits on this host ({host.Field("cpu_model")}), {intel.Field("cpu_model")} and {amd.Field("cpu_model")}: " +
                    $"final val_loss {RunResultJson.Format(host.History.ValLoss[^1])}.");
    }

    [Test]
    public void The_native_profile_differs_between_emulated_intel_and_amd__the_control()
    {
        var runs = RunAll("native", Emulator.Intel, Emulator.Amd);
        var (intel, amd) = (runs[0], runs[1]);

        Assert.That(amd.Field("mkl_cpu_type"), Is.Not.EqualTo(intel.Field("mkl_cpu_type")), "MKL's own choice differs by vendor");
        Assert.That(amd.History.SameAs(intel.History), Is.False,
            "without the vendor override and the pinned branch the two vendors must part, or the portable test above proves nothing");
        Assert.Pass("Native profile, emulated Intel against emulated AMD:\n" + HistoryDiff.Table(intel.History, amd.History));
    }

    [TestCase("portable")]
    [TestCase("native")]
    public void Reproduce_is_deterministic_across_processes_on_emulated_amd(string numerics)
    {
        using var experiment = new TinyExperiment();
        var first = experiment.Reproduce(emulatedCpu: Emulator.Amd, options: ["--numerics", numerics]);
        Assert.That(first.Output, Does.Contain("[  16/16]"), first.Output);
        var firstOutputs = experiment.Outputs();

        experiment.Reproduce(emulatedCpu: Emulator.Amd, options: ["--numerics", numerics]);

        Assert.That(experiment.Outputs(), Is.EqualTo(firstOutputs), "report.md, histories.csv and claims.json are byte-identical");
    }

    [Test]
    public void A_convnet_gives_the_same_bits_in_six_processes_natively_and_on_emulated_intel_and_amd()
    {
        using var convnet = new TinyConvnet();
        string?[] cpus = [null, null, Emulator.Intel, Emulator.Intel, Emulator.Amd, Emulator.Amd];
        var histories = cpus.Select((cpu, i) => Task.Run(() =>
        {
            var output = Path.Combine(_out, $"convnet-{i}-{cpu ?? "host"}");
            var (exitCode, text) = convnet.Reproduce(output, cpu, "--numerics", "portable", "--workers", "1");
            // No baselines exist for the folder: the reproduction trains, reports, and says the exact tier had none to compare.
            Assert.That(text, Does.Contain("4 without baseline"), $"{cpu ?? "host"} (exit {exitCode}): {text}");
            return convnet.Histories(output);
        })).ToArray();
        var all = Task.WhenAll(histories).GetAwaiter().GetResult();

        Assert.That(all, Is.All.EqualTo(all[0]), "histories.csv of every process, host, Haswell and EPYC-Rome, is byte-identical");
        Assert.Pass($"6 processes (2 on this host, 2 on {Emulator.Intel}, 2 on {Emulator.Amd}) wrote identical histories of 4 " +
                    $"convnet runs:\n{all[0][..Math.Min(all[0].Length, 600)]}");
    }

    /// <summary>
    /// The shipped experiment whose model is a C# class (Harness.Examples.TwoLayerNet): in the portable profile, all 16 runs
    /// (both widths, 8 seeds) match the baselines accepted in the repository bit for bit, trained (no run store) natively, on
    /// emulated Intel and on emulated AMD, and the three processes write the same histories.csv.
    /// </summary>
    [Test]
    public void The_csharp_model_example_verifies_against_its_baselines_natively_and_on_emulated_intel_and_amd()
    {
        const string name = "csharp-model-example";
        string?[] cpus = [null, Emulator.Intel, Emulator.Amd];
        var histories = cpus.Select((cpu, i) => Task.Run(() =>
        {
            var output = Path.Combine(_out, $"{name}-{i}-{cpu ?? "host"}");
            string[] args = ["reproduce", "--experiment", name, "--numerics", "portable", "--no-store", "--workers", "1", "--out", output];
            // CI: whatever happens, nothing is accepted into the repository's baselines.
            var environment = new Dictionary<string, string?> { ["CI"] = "true", ["HARNESS_ACCEPT"] = null };
            var (exitCode, text) = cpu is null ? HarnessProcess.Run(environment, args) : Emulator.Run(cpu, environment, args);
            Assert.That(text, Does.Contain("Exact tier: 16 of 16 histories verified bit for bit"), $"{cpu ?? "host"}: {text}");
            Assert.That(exitCode, Is.Zero, $"{cpu ?? "host"}: {text}");
            return File.ReadAllText(Path.Combine(output, name, Harness.Report.HistoriesCsv.FileName));
        })).ToArray();
        var all = Task.WhenAll(histories).GetAwaiter().GetResult();

        Assert.That(all, Is.All.EqualTo(all[0]), "histories.csv of this host, Haswell and EPYC-Rome is byte-identical");
        Assert.Pass($"{name}: 16 of 16 histories verified against the baselines on this host, {Emulator.Intel} and {Emulator.Amd}.");
    }

    /// <summary>The short run in <paramref name="numerics"/>, on each CPU (null: this host), side by side.</summary>
    private Run[] RunAll(string numerics, params string?[] cpus)
    {
        var tasks = cpus.Select((cpu, i) => Task.Run(() =>
        {
            var directory = Path.Combine(_out, $"{i}-{cpu ?? "host"}");
            string[] args = [.. ShortRun, "--numerics", numerics, "--out", directory];
            var (exitCode, output) = cpu is null ? HarnessProcess.Run(args) : Emulator.Run(cpu, args);
            Assert.That(exitCode, Is.Zero, $"{cpu ?? "host"}: {output}");
            return Run.Read(Directory.GetFiles(directory, "*.json").Single());
        })).ToArray();
        return Task.WhenAll(tasks).GetAwaiter().GetResult();
    }

    private sealed record Run(IReadOnlyDictionary<string, string> Fingerprint, TrainingHistory History)
    {
        public string Field(string name) => Fingerprint[name];

        public static Run Read(string path)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var result = RunResultJson.Read(json.RootElement, fields => fields);
            return new Run(result.Fingerprint, result.History);
        }
    }
}

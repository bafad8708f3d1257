using System.Diagnostics;
using System.Text.Json;
using Harness.Config;
using Harness.Settings;
using Harness.Data;
using Harness.History;
using Harness.Tests.Unit.Data;
using Harness.Training;
using Harness.Runs;

namespace Harness.Tests.Unit.Training;

/// <summary>The same seed gives the same bits: twice in one process, across processes, alone or beside other runs.</summary>
public sealed class DeterminismTests
{
    private static readonly RunConfig Config = new()
    {
        Layers = 3, Width = 32, Dropout = 0.2, NTrain = 40, NValidation = 20, BatchSize = 8, Epochs = 4, Seed = 11,
    };

    private static TrainingHistory Train(RunConfig config, DataSplit data) => Trainer.Train(config, data).History;

    [Test]
    public void Twice_in_one_process()
    {
        var data = SyntheticData.Split(40, 20);
        Assert.That(Train(Config, data).SameAs(Train(Config, data)), Is.True);
    }

    [Test]
    public void Alone_and_beside_other_runs()
    {
        var data = SyntheticData.Split(40, 20);
        var alone = Train(Config, data);

        var results = new System.Collections.Concurrent.ConcurrentDictionary<string, TrainingHistory>();
        RunConfig[] runs = [Config, Config with { Seed = 12 }, Config with { Layers = 1 }, Config with { Seed = 13, Dropout = 0 }];
        WorkerPool.Run(runs, _ => 1, c => results[c.RunId] = Train(c, data), workers: 2);

        Assert.That(results[Config.RunId].SameAs(alone), Is.True);
    }

    [Test]
    public void Different_seeds_give_different_histories()
    {
        var data = SyntheticData.Split(40, 20);
        Assert.That(Train(Config, data).SameAs(Train(Config with { Seed = 12 }, data)), Is.False);
    }

    [Test]
    public void Across_two_processes()
    {
        using var files = new IdxFixtures();
        files.WriteDataset(train: 40, test: 20);
        var dataset = ImageDataset.Load(new DataDirectory(files.Directory, DataOrigin.Override));
        var config = Config with { Width = 8 };
        var inProcess = Train(config, dataset.FirstN(40, 20));

        var outDir = Path.Combine(files.Directory, "out");
        var (exitCode, output) = HarnessProcess.Run("run", "--layers", "3", "--width", "8", "--dropout", "0.2", "--n-train", "40",
            "--n-validation", "20", "--batch-size", "8", "--epochs", "4", "--seed", "11", "--data-dir", files.Directory, "--out", outDir);
        Assert.That(exitCode, Is.Zero, output);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, config.RunId + ".json")));
        var history = RunResultJson.Read(json.RootElement, fields => fields).History;
        foreach (var metric in TrainingHistory.MetricNames)
            Assert.That(history[metric].ToArray(), Is.EqualTo(inProcess[metric].ToArray()), metric);
    }
}

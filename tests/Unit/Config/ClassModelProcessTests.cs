using Harness.Report;

namespace Harness.Tests.Unit.Config;

/// <summary>
/// The program finds a C# model it never names in code: <c>harness</c> references Harness.Examples only as a project, which
/// the compiler leaves out of its metadata, so the class is found through the program's dependency manifest. The model's
/// setting is then an axis of the run ids and a column of histories.csv.
/// </summary>
public sealed class ClassModelProcessTests
{
    [Test]
    public void Reproduce_trains_the_shipped_csharp_model_and_writes_its_setting_as_a_column_and_in_run_ids()
    {
        using var files = new IdxFixtures();
        files.WriteDataset(train: 20, test: 10);
        var output = Path.Combine(files.Directory, "out");

        var (exitCode, text) = HarnessProcess.Run(new Dictionary<string, string?> { ["CI"] = "true", ["HARNESS_ACCEPT"] = null },
            "reproduce", "--experiment", "csharp-model-example", "--data-dir", files.Directory, "--no-store", "--out", output,
            "--set", "run:nTrain=20", "--set", "run:nValidation=10", "--set", "run:epochs=1", "--set", "grids:0:seeds:count=1");

        var csv = File.ReadAllLines(Path.Combine(output, "csharp-model-example", HistoriesCsv.FileName));
        Assert.That(csv[0], Does.StartWith("experiment,run,hidden,seed,"), text);
        Assert.That(csv.Skip(1).Select(l => l.Split(',')[1]).Distinct(),
            Is.EquivalentTo(new[] { "n-20_nval-10_epochs-1_batch-50_hidden-8_seed-1", "n-20_nval-10_epochs-1_batch-50_seed-1" }),
            "hidden 128, the experiment's declared value, is left out of the run id");
        Assert.That(csv.Skip(1).Select(l => l.Split(',')[2]).Distinct(), Is.EquivalentTo(new[] { "8", "128" }));
        Assert.That(text, Does.Contain("2 without baseline"), "the settings differ from the baselines' runs, so none compares");
        Assert.That(exitCode, Is.EqualTo(1), text);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.History;
using Harness.IO;
using static Harness.Tests.Unit.Store.StoreFixtures;

namespace Harness.Tests.Unit.History;

/// <summary>The one reader of a run's result reads back what the one writer wrote, and names the field of any defect.</summary>
public sealed class RunResultJsonTests
{
    private static RunResultFile<IReadOnlyDictionary<string, string>> Read(string text, bool asBaseline = false, string where = "")
    {
        using var document = JsonDocument.Parse(text);
        var root = where.Length == 0 ? document.RootElement : document.RootElement.GetProperty(where);
        return RunResultJson.Read(root, fields => fields, asBaseline, where);
    }

    [Test]
    public void Reads_back_what_it_wrote()
    {
        var result = Result();
        var read = Read(RunResultJson.Serialize(result));

        Assert.That(read.RunId, Is.EqualTo(result.RunId));
        Assert.That(read.History.SameAs(result.History), Is.True);
        Assert.That(read.Fingerprint, Is.EqualTo(result.Fingerprint.Fields().ToDictionary(f => f.Name, f => f.Value)));
        Assert.That(read.Seconds, Is.EqualTo(1.25));
        Assert.That(read.Config, Is.EqualTo(DeterministicJson.Write(json => RunResultJson.WriteConfig(json, result.Config))));
    }

    [Test]
    public void A_declared_model_is_written_as_the_layers_the_run_trains_and_the_mlp_shorthand_as_its_settings_alone()
    {
        var model = new Harness.Settings.Layers.ModelSpec([
            new Harness.Settings.Layers.Conv2D("conv2d_1", 8, (3, 3), (1, 1), "same", "relu"),
            new Harness.Settings.Layers.MaxPooling2D("max_pooling2d_1", (2, 2), (2, 2)),
            new Harness.Settings.Layers.Flatten("flatten_1"), new Harness.Settings.Layers.Dense("dense_1", 10, "softmax"),
        ]);
        var run = new Harness.Settings.RunConfig { Model = model, Optimizer = "adadelta" };
        run = Harness.Settings.RunSettings.Find("conv2d_1.filters")!.Set(run, 16);
        string Config(Harness.Settings.RunConfig config) => DeterministicJson.Write(json => RunResultJson.WriteConfig(json, config));

        Assert.That(Config(run), Does.Contain("""
            "model": [
                {
                  "class_name": "Conv2D",
                  "config": {
                    "name": "conv2d_1",
                    "filters": 16,
                    "kernel_size": [
            """.ReplaceLineEndings("\n")));
        Assert.That(Config(run), Does.Not.Contain("\"layers\"").And.Not.Contain("\"width\"").And.Not.Contain("\"dropout\""),
            "the MLP's settings do not describe a declared model");
        Assert.That(Config(new Harness.Settings.RunConfig()), Does.Not.Contain("model").And.Contain("\"layers\": 1"),
            "a run of the MLP shorthand writes what it always wrote, so its baselines are unchanged");
    }

    [Test]
    public void A_baseline_has_no_wall_time()
    {
        var read = Read(RunResultJson.Serialize(Result(), asBaseline: true), asBaseline: true);
        Assert.That(read.Seconds, Is.Null);
        Assert.That(read.Fingerprint.Keys, Is.EqualTo(Result().Fingerprint.Comparable().Fields.Select(f => f.Name)), "in file order");
    }

    [TestCase("runId", "'result.runId' must be a string")]
    [TestCase("fingerprint", "'result.fingerprint.mkl' must be a string")]
    [TestCase("history", "result.history.acc[1] is String, expected a number")]
    [TestCase("ragged",
        "result.history metrics must have one value per epoch, all the same length; found loss: 2, acc: 2, val_loss: 1, val_acc: 2")]
    [TestCase("extra", "result.history has unknown metric 'lr'")]
    [TestCase("config", "'result.config' is missing")]
    [TestCase("seconds", "'result.seconds' must be a number")]
    public void A_defect_is_named_by_its_path_in_the_file(string damage, string message)
    {
        var entry = new JsonObject { ["result"] = JsonNode.Parse(RunResultJson.Serialize(Result())) };
        var result = entry["result"]!;
        switch (damage)
        {
            case "runId": result["runId"] = 7; break;
            case "fingerprint": result["fingerprint"]!["mkl"] = 2025; break;
            case "history": result["history"]!["acc"]![1] = "0.5"; break;
            case "ragged": result["history"]!["val_loss"]!.AsArray().RemoveAt(0); break;
            case "extra": result["history"]!["lr"] = new JsonArray(0.1, 0.1); break;
            case "config": result.AsObject().Remove("config"); break;
            default: result["seconds"] = "slow"; break;
        }

        var error = Assert.Throws<InvalidDataException>(() => Read(entry.ToJsonString(), where: "result"))!;
        Assert.That(error.Message, Is.EqualTo(message));
    }
}

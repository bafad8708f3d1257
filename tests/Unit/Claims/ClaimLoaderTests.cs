using Harness.Claims;
using Harness.Config;

namespace Harness.Tests.Unit.Claims;

public sealed class ClaimLoaderTests
{
    private static Experiment Tutorial => ExperimentLoader.Load(ExperimentLoader.DefaultExperiment);

    [Test]
    public void The_shipped_claims_load()
    {
        var claims = ClaimLoader.Load(Tutorial);
        Assert.That(claims.Claims.Select(c => c.Id), Is.SupersetOf(new[]
        {
            "deeper-overfits-at-n1000", "deeper-lower-val-acc-at-n1000", "more-samples-alleviate",
            "dropout-reduces-val-loss-variance", "dropout-reduces-overfitting",
        }));
        Assert.That(claims.Claims, Has.All.Matches<Claim>(c => c!.Reason.Length > 20), "every registered verdict carries its reason");
    }

    [Test]
    public void Errors_name_their_key_paths_all_at_once()
    {
        var path = TestScratch.Path("claims") + ".json";
        File.WriteAllText(path, """
            { "alpha": 2, "claims": [
              { "id": "x", "statement": "s", "metric": "accuracy", "expected": "true", "reason": "r", "negligible": -1,
                "parts": [ { "test": "trend", "direction": "up" }, { "test": "probability", "direction": "less", "a": { "layers": 0, "width": 64 } },
                           { "test": "trend", "axis": "width", "direction": "increasing", "where": { "layers": 2 } },
                           { "test": "threshold", "direction": "greater", "where": { "dropout": 0.2 } } ] } ] }
            """);
        try
        {
            var error = Assert.Throws<ConfigurationException>(() => ClaimLoader.LoadFile(path, Tutorial));
            Assert.That(error.Errors, Has.Some.StartsWith("alpha: expected a number in (0, 1), found '2'"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:metric: unknown metric 'accuracy'"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:expected: expected supported, refuted, negligible or inconclusive, found 'true'"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:negligible: expected the smallest effect that matters, a positive number in the metric's units, found '-1'"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:negligible: a trend part's ρ has no scale in the metric's units"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:parts:0:direction: expected greater, less, increasing or decreasing"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:parts:0:where: missing"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:parts:0:axis: expected a numeric axis the experiment declares (layers, dropout, nTrain), found ''"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:parts:1:a:layers: expected an integer in [1, 1000], found '0'"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:parts:1:a:width: not an axis of this experiment; claims can select runs by its axes: layers, dropout, nTrain"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:parts:1:b: missing"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:parts:2:axis: expected a numeric axis the experiment declares (layers, dropout, nTrain), found 'width'"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:parts:2:where: selects 0 runs of the experiment (layers=2); a comparison needs at least 2"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:parts:3:value: expected the number the mean is compared with"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

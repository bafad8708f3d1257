using Harness.Claims;
using Harness.Config;

namespace Harness.Tests.Unit.Claims;

public sealed class ClaimLoaderTests
{
    [Test]
    public void The_shipped_claims_load()
    {
        var claims = ClaimLoader.Load(ExperimentLoader.DefaultExperiment);
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
        var path = Path.Combine(Path.GetTempPath(), $"claims-{TestContext.CurrentContext.Test.ID}.json");
        File.WriteAllText(path, """
            { "alpha": 2, "claims": [
              { "id": "x", "statement": "s", "metric": "accuracy", "expected": "true", "reason": "r",
                "parts": [ { "test": "trend", "direction": "up" }, { "test": "probability", "direction": "less", "a": { "layers": 0 } } ] } ] }
            """);
        try
        {
            var error = Assert.Throws<ConfigurationException>(() => ClaimLoader.LoadFile(path));
            Assert.That(error.Errors, Has.Some.StartsWith("alpha: expected a number in (0, 1), found '2'"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:metric: unknown metric 'accuracy'"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:expected: expected supported, refuted or inconclusive, found 'true'"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:parts:0:direction: expected greater, less, increasing or decreasing"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:parts:0:where: missing"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:parts:0:axis: expected layers, dropout or nTrain"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:parts:1:a:layers: expected an integer >= 1, found '0'"));
            Assert.That(error.Errors, Has.Some.StartsWith("claims:0:parts:1:b: missing"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

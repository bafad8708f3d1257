using Harness.Claims;
using Harness.Claims.Sequential;
using Harness.Config;

namespace Harness.Tests.Unit.Claims;

/// <summary>
/// The plan's <c>boundaries</c> key: exact when absent (and then not written, so claims files and registrations from before
/// it keep their bytes), union when named, and an unknown value refused with the known ones.
/// </summary>
internal sealed class PlanBoundariesTests
{
    [Test]
    public void Exact_is_the_default_union_is_read_and_written_and_an_unknown_value_is_refused()
    {
        var pocock = Load("""{ "maxSeeds": 40, "stage": 10, "spending": "pocock" }""").Decide!;
        Assert.That(pocock.Boundaries, Is.EqualTo(SequentialBoundaries.Exact));
        var union = Load("""{ "maxSeeds": 40, "stage": 10, "boundaries": "Union" }""").Decide!;
        Assert.That(union.Boundaries, Is.EqualTo(SequentialBoundaries.Union));
        Assert.That(PlanJson.ToNode(union).ToJsonString(),
            Is.EqualTo("""{"maxSeeds":40,"stage":10,"spending":"bonferroni","boundaries":"union"}"""));
        Assert.That(PlanJson.ToNode(union with { Boundaries = SequentialBoundaries.Exact }).ToJsonString(),
            Is.EqualTo("""{"maxSeeds":40,"stage":10,"spending":"bonferroni"}"""), "the default is not written");
        var error = Assert.Throws<ConfigurationException>(() => Load("""{ "boundaries": "haybittle-peto" }"""))!;
        Assert.That(error.Errors, Has.Some.StartsWith("decide:boundaries: expected exact, union, found 'haybittle-peto'"));
    }

    private static ClaimSet Load(string decide) => ClaimLoaderTests.WithDecide(decide);
}

using Harness.Settings;
using Harness.Training;
using Harness.Runs;

namespace Harness.Tests.Unit.Runs;

public sealed class CostOrderTests
{
    [Test]
    public void Longest_first_and_equal_costs_by_run_id_whatever_the_order_given()
    {
        RunConfig[] runs =
            [new() { Layers = 1, Seed = 2 }, new() { Layers = 9, Seed = 1 }, new() { Layers = 1, Seed = 10 },
                new() { Layers = 1, Seed = 1 }];
        var expected = new[] { runs[1], runs[3], runs[2], runs[0] }.Select(r => r.RunId).ToList();
        Assert.That(expected.Skip(1), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal), "the ties, ordinal");

        Assert.That(CostOrder.LongestFirst(runs, r => r.Layers).Select(r => r.RunId), Is.EqualTo(expected));
        Assert.That(CostOrder.LongestFirst(runs.Reverse(), r => r.Layers).Select(r => r.RunId), Is.EqualTo(expected));
    }
}

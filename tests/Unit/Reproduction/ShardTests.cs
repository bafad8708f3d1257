using Harness.Settings;
using Harness.Reproduction;

namespace Harness.Tests.Unit.Reproduction;

public sealed class ShardTests
{
    private static readonly IReadOnlyList<RunConfig> Runs =
        [.. new[] { 1, 3, 5, 7, 9 }.SelectMany(l => Enumerable.Range(1, 10).Select(s => new RunConfig { Layers = l, Seed = s }))];

    private static double Cost(RunConfig run) => run.Layers;

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(7)]
    public void Shards_split_every_run_once_with_balanced_cost(int count)
    {
        var shards = Enumerable.Range(1, count).Select(i => new Shard(i, count).Of(Runs, Cost)).ToList();
        Assert.That(shards.SelectMany(s => s).Select(r => r.RunId), Is.EquivalentTo(Runs.Select(r => r.RunId)),
            "each run in exactly one shard");
        var loads = shards.Select(s => s.Sum(Cost)).ToList();
        // LPT: no shard exceeds the lightest by more than the largest single run.
        Assert.That(loads.Max() - loads.Min(), Is.LessThanOrEqualTo(Runs.Max(Cost)), string.Join(", ", loads));
    }

    [Test]
    public void The_split_depends_only_on_the_runs_not_their_order()
    {
        var shuffled = Runs.Reverse().ToList();
        Assert.That(new Shard(2, 3).Of(shuffled, Cost).Select(r => r.RunId).Order(),
            Is.EqualTo(new Shard(2, 3).Of(Runs, Cost).Select(r => r.RunId).Order()));
    }

    [TestCase("1/2", 1, 2)]
    [TestCase("3/3", 3, 3)]
    public void Parses_i_of_n(string text, int index, int count) =>
        Assert.That(Shard.Parse(text).Shard, Is.EqualTo(new Shard(index, count)));

    [TestCase("0/2")]
    [TestCase("3/2")]
    [TestCase("1")]
    [TestCase("a/b")]
    public void Refuses_anything_else(string text) => Assert.That(Shard.Parse(text).Error, Does.StartWith("--shard: expected i/N"));
}

using Harness.History;

namespace Harness.Tests.Unit.History;

/// <summary>The first-difference sentence and the epoch table agree on what differs.</summary>
public sealed class HistoryDiffTests
{
    private static readonly TrainingHistory Stored = new([0.5, 0.25], [0.75, 0.875], [0.5, 0.375], [0.75, 0.8125]);

    [Test]
    public void Names_the_first_differing_value_metric_by_metric()
    {
        var retrained = Stored with { ValLoss = [0.5, 0.25], Acc = [0.75, 0.75] };
        Assert.That(HistoryDiff.FirstDifference(Stored, retrained, "stored", "retrained"),
            Is.EqualTo("acc at epoch 2: stored 0.875, retrained 0.75"));
        Assert.That(HistoryDiff.Table(Stored, retrained), Is.EqualTo(
            "| metric | epoch | baseline | current | difference |\n| --- | ---: | ---: | ---: | ---: |\n" +
            "| acc | 2 | 0.875 | 0.75 | -0.125 |\n| val_loss | 2 | 0.375 | 0.25 | -0.125 |\n"));
    }

    [Test]
    public void Histories_equal_as_far_as_both_go_differ_in_length()
    {
        var longer = new TrainingHistory([0.5, 0.25, 0.125], [0.75, 0.875, 1], [0.5, 0.375, 0.25], [0.75, 0.8125, 0.875]);
        Assert.That(HistoryDiff.FirstDifference(Stored, longer, "stored", "retrained"), Is.EqualTo("stored 2 epochs, retrained 3"));
        Assert.That(HistoryDiff.Table(Stored, longer), Does.EndWith("| (all) | | 2 epochs | 3 epochs | |\n"));
    }
}

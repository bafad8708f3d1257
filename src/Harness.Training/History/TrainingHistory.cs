using System.Collections.Immutable;

namespace Harness.History;

/// <summary>Per-epoch metrics under Keras 2's names: <c>loss</c>, <c>acc</c>, <c>val_loss</c>, <c>val_acc</c>.</summary>
internal sealed record TrainingHistory(
    ImmutableArray<double> Loss, ImmutableArray<double> Acc, ImmutableArray<double> ValLoss, ImmutableArray<double> ValAcc)
{
    public static IReadOnlyList<string> MetricNames { get; } = ["loss", "acc", "val_loss", "val_acc"];

    public int Epochs => Loss.Length;

    public static TrainingHistory From(IReadOnlyList<EpochMetrics> epochs) => new(
        [.. epochs.Select(e => e.Loss)], [.. epochs.Select(e => e.Acc)],
        [.. epochs.Select(e => e.ValLoss)], [.. epochs.Select(e => e.ValAcc)]);

    public ImmutableArray<double> this[string metric] => metric switch
    {
        "loss" => Loss,
        "acc" => Acc,
        "val_loss" => ValLoss,
        "val_acc" => ValAcc,
        _ => throw new ArgumentException($"Unknown metric '{metric}'; expected one of {string.Join(", ", MetricNames)}.", nameof(metric)),
    };

    /// <summary>Exact, element-by-element equality (records compare ImmutableArray by reference).</summary>
    public bool SameAs(TrainingHistory other) => MetricNames.All(m => this[m].SequenceEqual(other[m]));
}

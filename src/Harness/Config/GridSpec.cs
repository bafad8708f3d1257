namespace Harness.Config;

/// <summary>One block of the experiment: every combination of its axes, each with every seed.</summary>
public sealed record GridSpec(
    string Name,
    string Description,
    IReadOnlyList<int> Layers,
    IReadOnlyList<double> Dropout,
    IReadOnlyList<int> NTrain,
    int FirstSeed,
    int SeedCount,
    RunConfig Template);

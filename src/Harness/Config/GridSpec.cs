using Harness.Settings;

namespace Harness.Config;

/// <summary>One block of the experiment: every combination of its axes' values, each with every seed, on the shared run settings.</summary>
internal sealed record GridSpec(
    string Name,
    string Description,
    IReadOnlyList<Axis> Axes,
    int FirstSeed,
    int SeedCount,
    RunConfig Template)
{
    /// <summary>The most seeds a configuration can have, in a grid or at <c>--decide</c>'s last look: beyond it a
    /// reproduction is out of reach on any machine this runs on, and a typo for a smaller number.</summary>
    public const int MaxSeeds = 10_000;

    /// <summary>Every combination of the axes' values on the template (seed not yet set), axes varied in run-id order.</summary>
    public IEnumerable<RunConfig> Combinations() =>
        Axes.OrderBy(a => RunSettings.IndexOf(a.Setting) is var i && i >= 0 ? i : int.MaxValue).Aggregate(
            (IEnumerable<RunConfig>)[Template],
            (configs, axis) => configs.SelectMany(config => axis.Values.Select(value => axis.Setting.Set(config, value))));
}

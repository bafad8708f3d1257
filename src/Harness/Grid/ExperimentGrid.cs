using Harness.Config;
using Harness.Settings;

namespace Harness.Grid;

/// <summary>
/// Expands an experiment into its runs: for each grid, every combination of its axes' values with every seed, as immutable
/// run configs with stable ids. The same run listed by two grids is one run.
/// </summary>
internal static class ExperimentGrid
{
    public static IReadOnlyList<RunConfig> Runs(Experiment experiment) =>
        experiment.Grids
            .SelectMany(grid => grid.Combinations().SelectMany(config =>
                Enumerable.Range(grid.FirstSeed, grid.SeedCount).Select(seed => config with { Seed = seed })))
            .DistinctBy(run => run.RunId)
            .ToList();

    /// <summary>Runs grouped by configuration (everything but the seed), in grid order.</summary>
    public static IReadOnlyList<ConfigurationRuns> Configurations(Experiment experiment) =>
        Runs(experiment)
            .GroupBy(run => run.ConfigurationId)
            .Select(group => new ConfigurationRuns(group.Key, group.First() with { Seed = 0 }, group.ToList()))
            .ToList();
}

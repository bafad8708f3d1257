using Harness.Config;

namespace Harness.Grid;

/// <summary>
/// Expands an experiment into its runs: for each grid, every layers × dropout × n-train combination with every
/// seed, as immutable run configs with stable ids. The same run listed by two grids is one run.
/// </summary>
public static class ExperimentGrid
{
    public static IReadOnlyList<RunConfig> Runs(Experiment experiment) =>
        experiment.Grids
            .SelectMany(grid =>
                from layers in grid.Layers
                from dropout in grid.Dropout
                from nTrain in grid.NTrain
                from seed in Enumerable.Range(grid.FirstSeed, grid.SeedCount)
                select grid.Template with { Layers = layers, Dropout = dropout, NTrain = nTrain, Seed = seed })
            .DistinctBy(run => run.RunId)
            .ToList();

    /// <summary>Runs grouped by configuration (everything but the seed), in grid order.</summary>
    public static IReadOnlyList<ConfigurationRuns> Configurations(Experiment experiment) =>
        Runs(experiment)
            .GroupBy(run => run.ConfigurationId)
            .Select(group => new ConfigurationRuns(group.Key, group.First() with { Seed = 0 }, group.ToList()))
            .ToList();
}

namespace Harness.Config;

/// <summary>An experiment as configured: its identity, the run settings all grids share, its grids and its ensemble test.</summary>
public sealed record Experiment(
    string Name,
    string Title,
    string Source,
    string Dataset,
    IReadOnlyList<GridSpec> Grids,
    double EnsembleFamilyAlpha,
    string? DataDirectory,
    string DefinitionPath);

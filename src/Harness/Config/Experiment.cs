using Harness.Native;

namespace Harness.Config;

/// <summary>An experiment as configured: its identity, its numerics profile, the run settings all grids share, its grids and its ensemble test.</summary>
public sealed record Experiment(
    string Name,
    string Title,
    string Source,
    string Dataset,
    NumericsProfile Numerics,
    IReadOnlyList<GridSpec> Grids,
    double EnsembleFamilyAlpha,
    string? DataDirectory,
    string DefinitionPath);

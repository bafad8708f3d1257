using Harness.Settings;
using Harness.Native;

namespace Harness.Config;

/// <summary>An experiment as configured: its identity, its numerics profile, the run settings all grids share, its grids, its
/// figures' layout and its ensemble test.</summary>
internal sealed record Experiment(
    string Name,
    string Title,
    string Source,
    string Dataset,
    NumericsProfile Numerics,
    IReadOnlyList<GridSpec> Grids,
    double EnsembleFamilyAlpha,
    string? DataDirectory,
    string DefinitionPath,
    FigureLayout Figures)
{
    /// <summary>Why the experiment's tests run only when a filter selects them (<c>"explicit"</c>), or null when a plain
    /// <c>dotnet test</c> runs them: an experiment too long for the default test budget.</summary>
    public string? Explicit { get; init; }

    /// <summary>The C# data source (a <see cref="Data.HarnessData"/>) the experiment names as <c>"data": {"class": …}</c>, or null
    /// for MNIST's files.</summary>
    public Type? DataClass { get; init; }

    /// <summary>Where its files live, by the rule for an experiment given no baselines folder.</summary>
    public ExperimentFiles Files => new(Name, DefinitionPath);

    /// <summary>The folder holding experiment.json and, optionally, claims.json and published.json.</summary>
    public string Folder => Files.Folder;

    /// <summary>Every setting some grid varies, in run-id order (layer values and a C# model's settings last): the columns of the
    /// CSV and the keys claims may
    /// filter on.</summary>
    public IReadOnlyList<RunSetting> Axes =>
    [
        .. RunSettings.All.Where(s => Grids.Any(g => g.Axes.Any(a => a.Setting == s))),
        .. Grids.SelectMany(g => g.Axes).Select(a => a.Setting).Where(RunSettings.IsValue).Distinct(),
    ];
}

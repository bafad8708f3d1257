using Harness.Config;
using Harness.Settings;

namespace Harness.Grid;

/// <summary>All seeds of one configuration: the unit the ensemble tier and the claims compare.</summary>
/// <param name="Id">The configuration id, e.g. <c>layers-9_dropout-0.2_n-1000</c>.</param>
/// <param name="Configuration">The shared settings (its seed is meaningless).</param>
internal sealed record ConfigurationRuns(string Id, RunConfig Configuration, IReadOnlyList<RunConfig> Runs);

using Harness.NUnit;

namespace MyStudy.Tests;

/// <summary>
/// Every experiment under the repository's experiments/ as tests: each run's history against its baseline, each
/// configuration's seeds against the baseline's distribution, and each claim in claims.json, decided over the seeds.
/// </summary>
[ExperimentsFolder("experiments")]
public sealed class Reproduction(string experiment) : ExperimentTests(experiment);

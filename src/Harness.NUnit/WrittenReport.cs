using Harness.Report;

namespace Harness.NUnit;

/// <summary>A reproduction's report as the tests wrote it: what it found, where, the files, and any writer's failure.</summary>
public sealed record WrittenReport(ExperimentResults Results, string Directory, IReadOnlyList<string> Files,
    IReadOnlyList<string> Failures);

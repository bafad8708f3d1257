using Harness.Settings;
using Harness.Native;

namespace Harness.History;

/// <summary>One finished run: what was asked, where it ran, what it recorded, and how long it took.</summary>
internal sealed record RunResult(RunConfig Config, EnvironmentFingerprint Fingerprint, TrainingHistory History, double Seconds)
{
    public string RunId => Config.RunId;
}

using Harness.Config.Settings;
using Harness.History;
using Harness.Native;

namespace Harness.Store;

/// <summary>One stored run as its file holds it: its key, the run's id and everything it recorded, with the full fingerprint
/// of the machine that trained it. Enough to tell two entries of the same key with different bits apart.</summary>
public sealed record StoreEntry(string Key, string RunId, EnvironmentFingerprint Fingerprint, TrainingHistory History, double Seconds)
{
    /// <summary>The entry as the result of <paramref name="config"/>, whose key it is.</summary>
    public RunResult ToResult(RunConfig config) => new(config, Fingerprint, History, Seconds);
}

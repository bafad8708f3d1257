namespace Harness.History;

/// <summary>A run's result file as <see cref="RunResultJson.Read{TFingerprint}"/> reads it: its pieces as written, the
/// fingerprint interpreted by the caller (a baseline holds only the comparable fields, a run or a store entry all of them).</summary>
/// <param name="Config">The file's <c>config</c> object, re-written deterministically (the settings as the run wrote them).</param>
/// <param name="Seconds">The wall time; null in a baseline, which does not record it.</param>
internal sealed record RunResultFile<TFingerprint>(string RunId, string Config, TFingerprint Fingerprint,
    TrainingHistory History, double? Seconds);

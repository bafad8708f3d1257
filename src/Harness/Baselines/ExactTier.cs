using Harness.History;

namespace Harness.Baselines;

/// <summary>
/// Exact tier: within one environment a run's history must equal its baseline bit for bit. Across environments,
/// a 6e-8 difference at epoch 1 grows to 0.2–0.5 in final val_loss on deep nets, so no per-epoch tolerance would
/// mean anything there: the run is reported not comparable and the ensemble tier decides.
/// </summary>
public static class ExactTier
{
    public static ExactOutcome Verify(RunResult current, BaselineStore store)
    {
        var verifiedPath = store.VerifiedPath(current.RunId);
        var received = ExactBaseline.Serialize(current);

        if (!File.Exists(verifiedPath))
        {
            var (path, accepted) = store.Record(current.RunId, received);
            return accepted
                ? new ExactOutcome(ExactVerdict.Accepted, $"Accepted: wrote {path}.", path)
                : new ExactOutcome(ExactVerdict.Missing,
                    $"No baseline {verifiedPath}. Wrote {path}; review it, then accept it (harness accept --run {current.RunId}, " +
                    $"or {BaselinePolicy.AcceptVariable}=1 dotnet test).", path);
        }

        var baseline = ExactBaseline.Read(verifiedPath);
        if (baseline.RunId != current.RunId)
            throw new BaselineFormatException(verifiedPath, $"runId is '{baseline.RunId}', but the file name says '{current.RunId}'");

        var differences = current.Fingerprint.DifferencesFrom(baseline.Fingerprint);
        if (differences.Count > 0)
        {
            if (store.Policy.Accept) return AcceptOver(store, current, received, "environment changed");
            return new ExactOutcome(ExactVerdict.NotComparable,
                $"Not comparable: {string.Join("; ", differences)}. Bits are only comparable within one environment; the ensemble tier decides.");
        }

        if (baseline.History.SameAs(current.History))
        {
            // Same numbers must also mean the same bytes, or re-accepting identical results would rewrite the file.
            if (File.ReadAllText(verifiedPath) != received)
            {
                if (store.Policy.Accept) return AcceptOver(store, current, received, "file format changed");
                var (formatPath, _) = store.Record(current.RunId, received);
                return new ExactOutcome(ExactVerdict.Regression,
                    $"Identical numbers, but {verifiedPath} is not the bytes this version writes for them (key order, formatting or a config field " +
                    $"changed). Wrote {formatPath}; if the format change is intended, accept it: harness accept --run {current.RunId}.", formatPath);
            }
            store.DeleteReceived(current.RunId);
            return new ExactOutcome(ExactVerdict.Match,
                $"Identical to {verifiedPath}: {TrainingHistory.MetricNames.Count} metrics × {current.History.Epochs} epochs, bit for bit.");
        }

        if (store.Policy.Accept) return AcceptOver(store, current, received, "history changed");
        var (receivedPath, _) = store.Record(current.RunId, received);
        return new ExactOutcome(ExactVerdict.Regression,
            $"Regression: same environment, different numbers than {verifiedPath}.\n" +
            EpochDiffTable.Render(baseline.History, current.History) +
            $"Wrote {receivedPath}. If the change is intended, accept it: harness accept --run {current.RunId}.", receivedPath);
    }

    private static ExactOutcome AcceptOver(BaselineStore store, RunResult current, string content, string why)
    {
        var (path, _) = store.Record(current.RunId, content);
        return new ExactOutcome(ExactVerdict.Accepted, $"Accepted ({why}): rewrote {path}.", path);
    }
}

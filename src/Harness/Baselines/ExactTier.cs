using Harness.History;

namespace Harness.Baselines;

/// <summary>
/// Exact tier: wherever the numerics profile's comparability rule calls two environments comparable (under the default
/// portable profile: any x86-64 CPU with AVX2, Intel or AMD), a run's history must equal its baseline bit for bit.
/// Elsewhere (another profile, other library versions), a 6e-8 difference at epoch 1 grows to 0.2–0.5 in final val_loss
/// on deep nets, so no per-epoch tolerance would mean anything: the run is reported not comparable, saying why, and the
/// ensemble tier decides.
/// </summary>
/// <remarks>
/// Nondeterminism or regression: when a history differs from its baseline, or is about to become one, the run is trained
/// once more (<paramref name="retrain"/>). A difference the second training repeats is a regression; one it does not
/// repeat is a determinism failure — the profile promised the same bits every time — which fails with both tables and is
/// never written as a baseline.
/// </remarks>
internal static class ExactTier
{
    /// <param name="retrain">Trains the same run again, bypassing any cache; null when the caller cannot (then no confirmation).</param>
    public static ExactOutcome Verify(RunResult current, BaselineFolder baselines, Func<RunResult>? retrain = null)
    {
        var verifiedPath = baselines.VerifiedPath(current.RunId);
        var received = ExactBaseline.Serialize(current);

        if (!File.Exists(verifiedPath))
        {
            if (baselines.Policy.Accept && NotReproduced(current, retrain) is { } missingOutcome) return missingOutcome;
            var (path, accepted) = baselines.Record(current.RunId, received);
            return accepted
                ? new ExactOutcome(ExactVerdict.Accepted, $"Accepted: wrote {path}.", path)
                : new ExactOutcome(ExactVerdict.Missing,
                    $"No baseline {verifiedPath}. Wrote {path}; review it, then {baselines.Policy.HowToAccept(current.RunId)}.", path);
        }

        var baseline = ExactBaseline.Read(verifiedPath);
        if (baseline.RunId != current.RunId)
            throw new BaselineFormatException(verifiedPath, $"runId is '{baseline.RunId}', but the file name says '{current.RunId}'");

        var differences = current.Fingerprint.Comparable().DifferencesFrom(baseline.Fingerprint);
        if (differences.Count > 0)
        {
            if (baselines.Policy.Accept) return NotReproduced(current, retrain)
                ?? AcceptOver(baselines, current, received, "environment changed");
            return new ExactOutcome(ExactVerdict.NotComparable,
                $"Not comparable: {string.Join("; ", differences)}. The '{baseline.Fingerprint.Numerics}' " +
                "profile compares bits only where these fields match; the ensemble tier decides.");
        }

        if (baseline.History.SameAs(current.History))
        {
            // Same numbers must also mean the same bytes, or re-accepting identical results would rewrite the file.
            if (File.ReadAllText(verifiedPath) != received)
            {
                if (baselines.Policy.Accept) return AcceptOver(baselines, current, received, "file format changed");
                var (formatPath, _) = baselines.Record(current.RunId, received);
                return new ExactOutcome(ExactVerdict.Regression,
                    $"Identical numbers, but {verifiedPath} is not the bytes this version writes for them (key order, " +
                    $"formatting or a config field changed). Wrote {formatPath}; if the format change is intended, " +
                    $"{baselines.Policy.HowToAccept(current.RunId)}.", formatPath);
            }
            baselines.DeleteReceived(current.RunId);
            return new ExactOutcome(ExactVerdict.Match,
                $"Identical to {verifiedPath}: {TrainingHistory.MetricNames.Count} metrics × " +
                $"{current.History.Epochs} epochs, bit for bit.");
        }

        if (retrain?.Invoke() is { } second && !second.History.SameAs(current.History))
            return second.History.SameAs(baseline.History)
                ? new ExactOutcome(ExactVerdict.Nondeterministic,
                    $"Determinism failure: the first training differed from {verifiedPath}, a second training of the same run matched it " +
                    "bit for bit. The same seed must give the same bits every time. The first training against the baseline:\n" +
                    HistoryDiff.Table(baseline.History, current.History), Replacement: second)
                : new ExactOutcome(ExactVerdict.Nondeterministic,
                    $"Determinism failure: two trainings of the same run differ from each other and from {verifiedPath}.\n" +
                    HistoryDiff.Table(baseline.History, current.History) + "Second training against the first:\n" +
                    HistoryDiff.Table(current.History, second.History));

        if (baselines.Policy.Accept) return AcceptOver(baselines, current, received, "history changed");
        var (receivedPath, _) = baselines.Record(current.RunId, received);
        return new ExactOutcome(ExactVerdict.Regression,
            $"Regression: same environment, different numbers than {verifiedPath}.\n" +
            HistoryDiff.Table(baseline.History, current.History) +
            $"Wrote {receivedPath}. If the change is intended, {baselines.Policy.HowToAccept(current.RunId)}.", receivedPath);
    }

    /// <summary>Before a history becomes a baseline: null when a second training reproduces it bit for bit.</summary>
    private static ExactOutcome? NotReproduced(RunResult current, Func<RunResult>? retrain) =>
        retrain?.Invoke() is { } second && !second.History.SameAs(current.History)
            ? new ExactOutcome(ExactVerdict.Nondeterministic,
                $"Determinism failure: not accepted, because a second training of {current.RunId} did not " +
                "reproduce the first bit for bit.\n" +
                HistoryDiff.Table(current.History, second.History))
            : null;

    private static ExactOutcome AcceptOver(BaselineFolder baselines, RunResult current, string content, string why)
    {
        var (path, _) = baselines.Record(current.RunId, content);
        return new ExactOutcome(ExactVerdict.Accepted, $"Accepted ({why}): rewrote {path}.", path);
    }
}

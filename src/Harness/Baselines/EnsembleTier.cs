using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Harness.Native;
using Harness.Statistics;

namespace Harness.Baselines;

/// <summary>
/// Statistical tier: are this environment's seeds consistent with the baseline's distribution? For each
/// configuration and each summary statistic, Welch's two-sided t-test between baseline and current seeds.
/// </summary>
/// <remarks>
/// Choice of test: with 5–10 seeds a rank test cannot reach a Bonferroni-corrected level at all (the smallest
/// exact Mann–Whitney p for 5 vs 5 is 0.008), while a t-test's p shrinks with the size of the shift, which is what
/// a regression looks like. Correction: Bonferroni over every configuration × statistic of the experiment, so the
/// family-wise false-alarm rate of a whole suite is at most <c>familyAlpha</c> (0.01 by default: one false alarm in
/// a hundred full runs in a new environment, given roughly normal statistics). In the environment that recorded
/// the baseline, the same seeds give the same values, t = 0 and p = 1.
/// </remarks>
internal sealed class EnsembleTier(BaselineFolder baselines, string experiment, IReadOnlyList<string> configurationOrder,
    double familyAlpha)
{
    public const string TestDescription =
        "Welch two-sided t-test per summary statistic; Bonferroni over configurations x statistics; family-wise " +
        "false-alarm rate <= familyAlpha";

    private readonly ConcurrentDictionary<string, EnsembleEntry> _current = new();
    private readonly Lock _writing = new();

    public int Comparisons => configurationOrder.Count * RunSummary.Names.Count;
    public double PerComparisonAlpha => familyAlpha / Comparisons;

    public EnsembleOutcome Verify(EnsembleEntry current, ComparableFingerprint fingerprint)
    {
        // One seed (a quick look, reproduce --seeds 1) has no variance to test, and as a baseline entry it would be one no
        // later run could be tested against: nothing is compared, and nothing recorded, not even under accept.
        if (current.Seeds.Count < 2)
            return new EnsembleOutcome(EnsembleVerdict.TooFewSeeds, $"{current.ConfigurationId}: {current.Seeds.Count} seed is too " +
                "few for a variance (need at least 2); nothing compared or recorded.");
        _current[current.ConfigurationId] = current;
        var verifiedPath = baselines.VerifiedPath(BaselineFolder.EnsembleName);
        var baseline = File.Exists(verifiedPath) ? EnsembleBaseline.Read(verifiedPath) : null;
        var entry = baseline?.Find(current.ConfigurationId);

        if (entry is null)
        {
            var (path, accepted) = Record(baseline, fingerprint);
            return accepted
                ? new EnsembleOutcome(EnsembleVerdict.Accepted, $"Accepted: wrote {current.ConfigurationId} into {path}.")
                : new EnsembleOutcome(EnsembleVerdict.Missing, $"No entry for {current.ConfigurationId} in {verifiedPath}. Wrote {path}; " +
                    $"review it, then {baselines.Policy.HowToAccept(BaselineFolder.EnsembleName)}.");
        }

        var rows =
            RunSummary.Names.Select(name => (Name: name, Test: WelchTest.TwoSided(entry.Statistics[name], current.Statistics[name])))
                .ToList();
        var environment = fingerprint.DifferencesFrom(baseline!.Fingerprint) is { Count: > 0 } differences
            ? $"environment differs from the baseline's ({string.Join("; ", differences)})"
            : "same environment as the baseline";
        var report = Table(entry, current, rows, environment);

        if (rows.Any(r => r.Test is null))
            return new EnsembleOutcome(EnsembleVerdict.TooFewSeeds,
                "Too few seeds for a variance (need at least 2 on each side).\n" + report);

        var changed = !SameValues(entry, current) || fingerprint != baseline.Fingerprint;
        if (rows.All(r => r.Test!.P >= PerComparisonAlpha))
        {
            if (baselines.Policy.Accept && changed) Record(baseline, fingerprint);
            return new EnsembleOutcome(baselines.Policy.Accept && changed ? EnsembleVerdict.Accepted
                : EnsembleVerdict.Consistent, "Consistent.\n" + report);
        }

        var (written, acceptedNow) = Record(baseline, fingerprint);
        return new EnsembleOutcome(acceptedNow ? EnsembleVerdict.Accepted : EnsembleVerdict.Inconsistent,
            (acceptedNow ? $"Accepted over an inconsistent baseline: rewrote {written}.\n"
                : "Inconsistent with the baseline distribution.\n") +
            report + (acceptedNow ? ""
                : $"Wrote {written}. If the change is intended, {baselines.Policy.HowToAccept(BaselineFolder.EnsembleName)}."));
    }

    /// <summary>Writes the baseline with every configuration seen so far in this process replacing its entry.</summary>
    private (string Path, bool Accepted) Record(EnsembleBaseline? baseline, ComparableFingerprint fingerprint)
    {
        lock (_writing)
        {
            var merged = (baseline ?? new EnsembleBaseline(experiment, fingerprint, []))
                .With(_current.Values, fingerprint, configurationOrder);
            return baselines.Record(BaselineFolder.EnsembleName, merged.Serialize());
        }
    }

    private static bool SameValues(EnsembleEntry a, EnsembleEntry b) =>
        a.Seeds.SequenceEqual(b.Seeds) && RunSummary.Names.All(n => a.Statistics[n].SequenceEqual(b.Statistics[n]));

    private string Table(EnsembleEntry baseline, EnsembleEntry current,
        IEnumerable<(string Name, WelchTest.Result? Test)> rows, string environment)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{current.ConfigurationId}: {baseline.Seeds.Count} baseline seeds vs {current.Seeds.Count} current seeds; {environment}.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Welch two-sided t-test; flagged when p < {familyAlpha:G3} / {Comparisons} comparisons = " +
            $"{PerComparisonAlpha:G3} (Bonferroni).");
        text.AppendLine("| statistic | baseline mean ± sd | current mean ± sd | t | p | |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var (name, test) in rows)
        {
            var (bm, bv) = WelchTest.MeanVariance(baseline.Statistics[name]);
            var (cm, cv) = WelchTest.MeanVariance(current.Statistics[name]);
            var flag = test is null ? "too few seeds" : test.P < PerComparisonAlpha ? "DIFFERS" : "ok";
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {bm:0.0000} ± {Math.Sqrt(bv):0.0000} | {cm:0.0000} ± {Math.Sqrt(cv):0.0000} | " +
                $"{test?.T:0.00} | {test?.P:G3} | {flag} |"));
        }
        return text.ToString();
    }
}

using Harness.Claims;
using Harness.Claims.Sequential;
using Harness.Report;

namespace Harness.Reproduction;

/// <summary>
/// A reproduction's verdicts recorded in the experiment's claims.json as regression snapshots of this run: each evaluated
/// claim's, stamped with the date and commit the caller took before anything trained. A claim too few seeds could decide
/// keeps its registration, and so does a pre-registration: it is the prediction this run tests, and a snapshot over it
/// would erase that it was made first.
/// </summary>
/// <param name="Date">When (UTC).</param>
/// <param name="Commit">The commit of the claims file's repository, which holds the claims as they are now.</param>
/// <param name="Plan">The sequential plan a <c>--decide</c> run followed (its verdicts record their look of it); null for one look.</param>
/// <param name="Decide">A <c>--decide</c> run: each claim's <c>decided</c> is written (what the plan reached, at its look); its
/// single-look <c>expected</c>, which plain runs check, stays as it is.</param>
internal sealed record VerdictRegistration(DateOnly Date, string Commit, SequentialPlan? Plan, bool Decide)
{
    /// <summary>Writes the snapshots into <paramref name="path"/>; returns what was registered and what was kept, as lines.</summary>
    public IReadOnlyList<string> Record(string path, ExperimentResults results)
    {
        bool Snapshots(ClaimOutcome c) => c.Evaluated && (Decide || c.Claim.Registration.Kind == RegistrationKind.Snapshot);
        var registrations = results.Claims.Where(Snapshots).ToDictionary(c => c.Claim.Id, c =>
            Registration.Snapshot(c.Verdict, c.Parts.Max(p => p.Seeds), results.Experiment.Numerics.Name, Date, Commit,
                c.Decision?.Look, c.Decision is null ? null : Plan));
        RegistrationWriter.Write(path, registrations, Decide ? "decided" : "expected");
        var lines = new List<string>
        {
            $"Registered {registrations.Count} verdict(s) in {path} as snapshots of this run" +
            $"{(Decide ? ", each as what the decide plan reached (\"decided\")" : "")}:",
        };
        foreach (var outcome in results.Claims)
        {
            var kept = outcome.Claim.Registration;
            lines.Add(registrations.TryGetValue(outcome.Claim.Id, out var registration)
                ? $"  {outcome.Claim.Id}: {registration.Verdict}, {registration.Provenance}" +
                    $"{(outcome.AsRegistered ? "" : $" (was {kept.Verdict})")}"
                : !outcome.Evaluated ? $"  {outcome.Claim.Id}: not evaluated; kept {kept.Verdict}, {kept.Provenance}"
                : $"  {outcome.Claim.Id}: kept {kept.Verdict}, {kept.Provenance}; this run says {outcome.Verdict}");
        }
        return lines;
    }
}

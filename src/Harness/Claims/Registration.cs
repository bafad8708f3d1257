using System.Globalization;

namespace Harness.Claims;

/// <summary>
/// A claim's expected verdict with its provenance. Most are snapshots: the verdict measured on <see cref="Seeds"/> seeds
/// under a numerics profile, recorded so later runs are checked against it. A pre-registration has no seeds or profile:
/// nothing had run when it was recorded.
/// </summary>
/// <param name="Commit">The commit the registration was made at (short hash), so its code can be found again.</param>
/// <param name="Inference">The tests that decided it (<see cref="Claims.Inference.Version"/>); null in a registration older
/// than the record.</param>
/// <param name="Look">For a verdict reached by <c>reproduce --decide</c>: the look of <see cref="Plan"/> that reached it (or the
/// last, if none did); null for a single look.</param>
/// <param name="Plan">The sequential plan <see cref="Look"/> belongs to.</param>
/// <param name="LastSeed">A post hoc registration: the largest seed of the claim's configurations that had run when it was
/// recorded; the seeds after it are new to it.</param>
internal sealed record Registration(ClaimVerdict Verdict, RegistrationKind Kind, int? Seeds, string? Profile, DateOnly Date, string Commit,
    string? Inference = null, int? Look = null, Sequential.SequentialPlan? Plan = null, int? LastSeed = null)
{
    public const string DateFormat = "yyyy-MM-dd";

    public static Registration Snapshot(ClaimVerdict verdict, int seeds, string profile, DateOnly date, string commit,
        int? look = null, Sequential.SequentialPlan? plan = null) =>
        new(verdict, RegistrationKind.Snapshot, seeds, profile, date, commit, Claims.Inference.Version, look, plan);

    public static Registration Preregistered(ClaimVerdict verdict, DateOnly date, string commit) =>
        new(verdict, RegistrationKind.Preregistered, null, null, date, commit, Claims.Inference.Version);

    public static Registration PostHoc(ClaimVerdict verdict, DateOnly date, string commit, int lastSeed) =>
        new(verdict, RegistrationKind.PostHoc, null, null, date, commit, Claims.Inference.Version, LastSeed: lastSeed);

    /// <summary>
    /// "regression snapshot of 10 seeds, portable profile, 2026-11-26, commit d70bc6c, tests exact-2", with "at look 2 of the
    /// decide plan" for a verdict a sequential run reached; as the report states it.
    /// </summary>
    public string Provenance => Kind switch
    {
        RegistrationKind.Snapshot =>
            $"regression snapshot of {Seeds} seeds{(Look is { } look ? $" at look {look} of the decide plan" : "")}, " +
            $"{Profile} profile, {DateText}, commit {Commit}, {InferenceText}",
        RegistrationKind.PostHoc => $"registered post hoc {DateText} (commit {Commit}) after seeds 1–{LastSeed} had run, so only later " +
            $"seeds can fail it, {InferenceText}",
        _ => $"pre-registered {DateText} (commit {Commit}), before any run, {InferenceText}",
    };

    /// <summary>Whether the verdict was reached by the tests this build decides with.</summary>
    public bool ByCurrentInference => Inference == Claims.Inference.Version;

    private string InferenceText => Inference is null ? "tests unrecorded" : $"tests {Inference}";

    public string DateText => Date.ToString(DateFormat, CultureInfo.InvariantCulture);
}

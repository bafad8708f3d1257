using System.Globalization;

namespace Harness.Claims;

/// <summary>
/// A claim's expected verdict with its provenance. Most are snapshots: the verdict measured on <see cref="Seeds"/> seeds
/// under a numerics profile, recorded so later runs are checked against it. A pre-registration has no seeds or profile:
/// nothing had run when it was recorded.
/// </summary>
/// <param name="Commit">The commit the registration was made at (short hash), so its code can be found again.</param>
public sealed record Registration(ClaimVerdict Verdict, RegistrationKind Kind, int? Seeds, string? Profile, DateOnly Date, string Commit)
{
    public const string DateFormat = "yyyy-MM-dd";

    public static Registration Snapshot(ClaimVerdict verdict, int seeds, string profile, DateOnly date, string commit) =>
        new(verdict, RegistrationKind.Snapshot, seeds, profile, date, commit);

    public static Registration Preregistered(ClaimVerdict verdict, DateOnly date, string commit) =>
        new(verdict, RegistrationKind.Preregistered, null, null, date, commit);

    /// <summary>"regression snapshot of 10 seeds, portable profile, 2026-11-26, commit d70bc6c", as the report states it.</summary>
    public string Provenance => Kind == RegistrationKind.Snapshot
        ? $"regression snapshot of {Seeds} seeds, {Profile} profile, {DateText}, commit {Commit}"
        : $"pre-registered {DateText} (commit {Commit}), before any run";

    public string DateText => Date.ToString(DateFormat, CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace Harness.Claims;

/// <summary>
/// When a choice that decides verdicts — a claim's negligible band, the claims file's decide plan — was fixed, relative to the
/// data. A choice fixed before any run of the claims' configurations existed cannot have been fitted to them; one fixed after
/// may have been, so what it decides is exploratory until seeds that did not exist then (<see cref="LastSeed"/>) confirm it.
/// </summary>
/// <param name="LastSeed">Post hoc: the largest seed whose results had been looked at when the choice was made.
/// Null for a pre-registration (nothing was seen), and for a post hoc choice whose record does not say (then no seed counts
/// as new).</param>
internal sealed record Declaration(DeclarationKind Kind, DateOnly? Date, string? Commit, int? LastSeed)
{
    /// <summary>A band or plan written as a bare value, with no record of when: treated as post hoc, with every seed seen.</summary>
    public static Declaration Unrecorded { get; } = new(DeclarationKind.PostHoc, null, null, null);

    public bool PostHoc => Kind == DeclarationKind.PostHoc;

    /// <summary>Whether a run of this seed did not exist when the choice was made, so it can confirm what the choice decides.</summary>
    public bool IsNew(int seed) => Kind == DeclarationKind.Preregistered || (LastSeed is { } last && seed > last);

    /// <summary>"pre-registered 2026-11-28 (commit 0123abc)", "post hoc, declared 2026-11-27 (commit ada75d6) after seeds 1–10".</summary>
    public string Provenance
    {
        get
        {
            if (Date is null) return "post hoc, with no record of when it was declared";
            var when = $"{Date.Value.ToString(Registration.DateFormat, CultureInfo.InvariantCulture)} (commit {Commit})";
            return Kind == DeclarationKind.Preregistered ? $"pre-registered {when}, before any run"
                : $"post hoc, declared {when} after seeds {(LastSeed is { } last ? $"1–{last}" : "unrecorded")} had run";
        }
    }
}

/// <summary>Whether a choice came before the data or after it.</summary>
internal enum DeclarationKind
{
    /// <summary>Recorded before any run of the claims' configurations existed.</summary>
    Preregistered,

    /// <summary>Recorded after some runs existed, possibly in view of them.</summary>
    PostHoc,
}

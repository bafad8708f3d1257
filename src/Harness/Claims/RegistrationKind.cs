namespace Harness.Claims;

/// <summary>How a claim's expected verdict came to be recorded, which decides what a match with it proves.</summary>
internal enum RegistrationKind
{
    /// <summary>The verdict measured on some seeds, recorded so a later run that disagrees is caught: a regression check,
    /// not evidence on its own (the same seeds decided it).</summary>
    Snapshot,

    /// <summary>The verdict recorded before any run of the claim's configurations existed: a prediction the data can fail.</summary>
    Preregistered,

    /// <summary>
    /// The verdict recorded after runs of the claim's configurations existed (seeds up to <see cref="Registration.LastSeed"/>),
    /// possibly in view of them: a claim stated because the data suggested it. Only the seeds that came after can fail it, so
    /// it is a prediction for them, and says so wherever it is shown.
    /// </summary>
    PostHoc,
}

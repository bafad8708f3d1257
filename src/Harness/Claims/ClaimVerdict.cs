namespace Harness.Claims;

/// <summary>What the data says of a claim.</summary>
internal enum ClaimVerdict
{
    /// <summary>Every part is decided on the claimed side.</summary>
    Supported,

    /// <summary>Some part is decided on the other side.</summary>
    Refuted,

    /// <summary>Neither: the data cannot decide at this number of seeds.</summary>
    Inconclusive,

    /// <summary>Some part's effect lies wholly inside the claim's band of effects too small to matter (an equivalence
    /// test), and no part is refuted or undecided: the claimed effect, if any, does not matter.</summary>
    Negligible,
}

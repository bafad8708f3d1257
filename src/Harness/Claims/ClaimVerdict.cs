namespace Harness.Claims;

/// <summary>What the data says of a claim.</summary>
public enum ClaimVerdict
{
    /// <summary>Every part's interval lies wholly on the claimed side.</summary>
    Supported,

    /// <summary>Some part's interval lies wholly on the other side.</summary>
    Refuted,

    /// <summary>Neither: the data cannot decide at this number of seeds.</summary>
    Inconclusive,
}

namespace Harness.Claims.Sequential;

/// <summary>
/// How a look of a <see cref="SequentialPlan"/> turns the α spent by it into a test's level. A claims file names it in
/// its <c>decide</c> block (<c>"boundaries": "exact" | "union"</c>); exact is the default.
/// </summary>
internal enum SequentialBoundaries
{
    /// <summary>
    /// The sign test (paired parts) gets exact group-sequential boundaries (<see cref="Statistics.SequentialSignBoundary"/>):
    /// the chance of deciding at some look by look j is at most the α spent by look j, computed over the looks' joint null,
    /// so α the discrete test left unused carries forward. Every other test keeps the union bound's increment.
    /// </summary>
    Exact,

    /// <summary>Every test at every look is held to its look's increment of α: valid by the union bound, whatever the
    /// dependence between looks, and conservative for all.</summary>
    Union,
}

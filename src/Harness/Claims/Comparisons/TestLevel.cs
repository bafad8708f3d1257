namespace Harness.Claims.Comparisons;

/// <summary>
/// The level a part's exact test is held to at a look of a sequential plan when it is not the part's α share: an exact
/// sequential boundary spends the α the earlier looks left unused, so its nominal level can exceed the share. The report
/// shows <paramref name="How"/> beside the test, so a reader can tell an exact boundary from the union bound.
/// </summary>
/// <param name="Nominal">Decide when the test's p is at most this (0: no count can decide at this look).</param>
/// <param name="How">In words: "exact sequential boundary (nominal level 0.0123 at look 2)".</param>
internal sealed record TestLevel(double Nominal, string How);

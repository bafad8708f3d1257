namespace Harness.Statistics;

/// <summary>
/// One set of runs that is exchangeable under the null: the A values and the B values it holds. Runs that share a seed
/// share its initialisation and shuffle streams, so a permutation test may swap group labels within a seed's runs but
/// not across seeds (<see cref="PermutationTest.Stratified"/>). A stratum with only A or only B values allows no swap.
/// </summary>
internal sealed record Stratum(IReadOnlyList<double> A, IReadOnlyList<double> B);

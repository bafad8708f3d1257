using Harness.Settings;

namespace Harness.Runs;

/// <summary>
/// The one order in which runs are started and shared out: longest first, by cost (their FLOP count), ties by run id
/// (ordinal). Longest first keeps the last worker or shard from finishing long after the others; the tie-break makes
/// the order depend only on the runs, not on the order they were listed in, so every machine computes the same order.
/// </summary>
internal static class CostOrder
{
    public static IEnumerable<RunConfig> LongestFirst(IEnumerable<RunConfig> runs, Func<RunConfig, double> cost) =>
        runs.OrderByDescending(cost).ThenBy(r => r.RunId, StringComparer.Ordinal);
}

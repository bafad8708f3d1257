using System.Globalization;
using Harness.Settings;
using Harness.Training;
using Harness.Runs;

namespace Harness.Reproduction;

/// <summary>
/// <c>--shard i/N</c>: a deterministic, cost-balanced share of an experiment's runs. Runs are taken in <see cref="CostOrder"/>
/// (longest first by their FLOP count, then by run id) and each goes to the shard with the least work so far (the LPT rule:
/// within 4/3 of the best possible balance), so every shard job, on any machine, computes the same split without talking to
/// the others.
/// </summary>
internal sealed record Shard(int Index, int Count)
{
    /// <summary>
    /// Parses "i/N" (1 ≤ i ≤ N), or "auto" / "auto/N", which take the shard from the scheduler running the job
    /// (<see cref="SchedulerShard"/>); or null with what is wrong. <paramref name="environment"/> reads a variable (the
    /// process's by default).
    /// </summary>
    public static (Shard? Shard, string? Error) Parse(string text, Func<string, string?>? environment = null)
    {
        if (text == "auto" || text.StartsWith("auto/", StringComparison.Ordinal))
        {
            int? count = null;
            if (text != "auto")
            {
                if (!int.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                    return (null, $"--shard: expected auto/N with N >= 1, found '{text}'");
                count = n;
            }
            return SchedulerShard.Read(environment ?? Environment.GetEnvironmentVariable, count);
        }
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var total)
            && total >= 1 && index >= 1 && index <= total)
            return (new Shard(index, total), null);
        return (null, $"--shard: expected i/N with 1 <= i <= N (e.g. 1/2), or auto, found '{text}'");
    }

    /// <summary>This shard's runs, in the order given.</summary>
    public IReadOnlyList<RunConfig> Of(IReadOnlyList<RunConfig> runs, Func<RunConfig, double> cost)
    {
        var load = new double[Count];
        var mine = new HashSet<string>();
        foreach (var run in CostOrder.LongestFirst(runs, cost))
        {
            var lightest = Array.IndexOf(load, load.Min());
            load[lightest] += cost(run);
            if (lightest == Index - 1) mine.Add(run.RunId);
        }
        return runs.Where(r => mine.Contains(r.RunId)).ToList();
    }

    public override string ToString() => $"{Index}/{Count}";
}

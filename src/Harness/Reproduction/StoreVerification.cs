using System.Globalization;
using Harness.History;
using Harness.Store;

namespace Harness.Reproduction;

/// <summary>
/// <c>--verify K</c>: retrains K of the runs a session read from the run store (or from the stores it merges, with
/// <c>--from</c>) and compares the histories bit for bit, so a
/// store can never hide a regression (code whose identity did not change, but whose bits did: a native library, a
/// compiler). The K runs are a seeded draw, and the seed is printed, so a failing draw can be repeated.
/// </summary>
internal static class StoreVerification
{
    /// <summary>The default seed: from the training code's identity, so the same code draws the same runs and new code new ones.</summary>
    public static int DefaultSeed(string codeIdentity) =>
        int.Parse(codeIdentity[..7], NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <summary><paramref name="count"/> of <paramref name="stored"/> (all when there are fewer), drawn with <paramref name="seed"/>:
    /// a Fisher–Yates shuffle of the runs in run-id order.</summary>
    public static IReadOnlyList<RunResult> Draw(IReadOnlyList<RunResult> stored, int count, int seed)
    {
        var order = stored.OrderBy(r => r.RunId, StringComparer.Ordinal).ToArray();
        var random = new Random(seed);
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order[..Math.Min(count, order.Length)];
    }

    /// <summary>Retrains the drawn runs side by side; one line per run whose retrain differs, naming it, the first value
    /// that differs and its store entry.</summary>
    public static IReadOnlyList<string> Verify(ExperimentSession session, IReadOnlyList<RunResult> drawn)
    {
        var retrains = Task.WhenAll(drawn.Select(r => session.Source.Pool.Rerun(r.Config))).GetAwaiter().GetResult();
        return drawn.Zip(retrains).Where(p => !p.Second.History.SameAs(p.First.History))
            .Select(p => $"{p.First.RunId}: the stored history differs from a retrain " +
                         $"({HistoryDiff.FirstDifference(p.First.History, p.Second.History, "stored", "retrained")}); entry " +
                         $"{session.Source.EntryPath(p.First.Config)}")
            .ToList();
    }
}

namespace Harness.Statistics;

/// <summary>
/// Exact group-sequential boundaries for the two-sided sign test over nested looks. Look j tests the first nⱼ untied pairs
/// of a part, a superset of look j − 1's, so under the null the count S of positive differences is a random walk with
/// independent Binomial(nⱼ − nⱼ₋₁, ½) steps (ties are independent of signs under the null, so conditioning on them costs
/// nothing). A dynamic programme over the walk gives the exact chance of deciding at any look given the boundaries before
/// it, so each look can take every bit of α its spending function allows, instead of the union bound's increment alone:
/// the looks are strongly correlated, and the union bound pays for them as if they were not.
/// <para>
/// Look j decides when max(Sⱼ, nⱼ − Sⱼ) ≥ uⱼ, the smallest threshold such that P₀(deciding at some look ≤ j) ≤ the α spent
/// by look j (cumulative): α that the discrete test could not use at one look carries forward to the next. The boundary
/// is returned as a nominal level, the single-look two-sided p of a count exactly on it, so "p ≤ level" is exactly "beyond
/// the boundary" and the caller keeps comparing p-values. At the first look this is the same as p ≤ the α spent so far.
/// </para>
/// </summary>
internal static class SequentialSignBoundary
{
    /// <summary>Relative slack for comparing probabilities computed by different sums of the same terms.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>
    /// The nominal level of each look: the two-sided sign-test p at which look j decides (p ≤ level, within
    /// <see cref="Tolerance"/>), or 0 where no count of that look can decide (its whole rejection region would overspend).
    /// </summary>
    /// <param name="untied">Untied pairs at each look, non-decreasing (each look's pairs include the previous look's).</param>
    /// <param name="spent">The α spent by each look, cumulative and non-decreasing (the part's share, not the claim's).</param>
    public static IReadOnlyList<double> NominalLevels(IReadOnlyList<int> untied, IReadOnlyList<double> spent)
    {
        if (untied.Count != spent.Count) throw new ArgumentException($"{untied.Count} looks of pairs, {spent.Count} of α spent");
        var levels = new double[untied.Count];
        // mass[s]: the chance, under the null, that no look so far decided and s of the pairs so far are positive.
        var mass = new double[] { 1 };
        var rejected = 0.0;
        for (var j = 0; j < untied.Count; j++)
        {
            var n = untied[j];
            var previous = j == 0 ? 0 : untied[j - 1];
            if (n < previous) throw new ArgumentException($"look {j + 1}: {n} untied pairs, fewer than the {previous} before it");
            mass = Step(mass, n - previous);
            var threshold = Threshold(mass, n, spent[j] - rejected, spent[j]);
            if (threshold is not { } u) continue;
            levels[j] = Math.Min(1, 2 * SignTest.UpperTail(n, u));
            for (var s = 0; s <= n; s++)
                if (Math.Max(s, n - s) >= u) { rejected += mass[s]; mass[s] = 0; }
        }
        return levels;
    }

    /// <summary>
    /// The smallest u (the largest region max(S, n − S) ≥ u) whose mass fits in <paramref name="room"/>, or null when even
    /// the two extreme counts do not. <paramref name="spent"/> scales the tolerance.
    /// </summary>
    private static int? Threshold(double[] mass, int n, double room, double spent)
    {
        int? best = null;
        var region = 0.0;
        // Growing the region inwards from the extremes, one pair of counts (or the middle count) at a time.
        for (var u = n; 2 * u >= n; u--)
        {
            region += mass[u] + (n - u != u ? mass[n - u] : 0);
            if (region > room + Tolerance * spent) break;
            best = u;
        }
        return best;
    }

    /// <summary>The walk's distribution after <paramref name="steps"/> more fair signs: a convolution with Binomial(steps, ½).</summary>
    private static double[] Step(double[] mass, int steps)
    {
        if (steps == 0) return mass;
        var weights = new double[steps + 1];
        for (var i = 0; i <= steps; i++) weights[i] = Math.Exp(Combinatorics.LogChoose(steps, i) - steps * Math.Log(2));
        var next = new double[mass.Length + steps];
        for (var s = 0; s < mass.Length; s++)
        {
            if (mass[s] == 0) continue;
            for (var i = 0; i <= steps; i++) next[s + i] += mass[s] * weights[i];
        }
        return next;
    }
}

using Harness.Statistics;

namespace Harness.Tests.Unit.Statistics;

/// <summary>
/// Exact sequential boundaries for the sign test against values computed apart from this code: a dynamic programme in
/// Python over exact fractions, and here by enumerating every sign vector, so the walk's bookkeeping cannot agree with
/// itself by sharing a bug.
/// </summary>
internal sealed class SequentialSignBoundaryTests
{
    /// <summary>
    /// Looks of 10 and 20 pairs at 0.0311 and 0.05 spent (about Pocock's at half the budget): look 1 decides at 9 of 10
    /// (p = 2·11/1024 = 0.0215; 8 of 10 has p = 0.109), look 2 at 16 of 20 (p = 0.0118): 15 of 20 would overspend even
    /// after the paths look 1 decided are set aside. Python's fractions give the same thresholds.
    /// </summary>
    [Test]
    public void Looks_of_10_and_20_pairs_get_the_thresholds_Python_computes()
    {
        var levels = SequentialSignBoundary.NominalLevels([10, 20], [0.0311, 0.05]);
        Assert.That(levels[0], Is.EqualTo(22 / 1024.0).Within(1e-15));
        Assert.That(levels[1], Is.EqualTo(2 * SignTest.UpperTail(20, 16)).Within(1e-15));
        Assert.That(levels[1], Is.EqualTo(0.01181793212890625).Within(1e-15));
    }

    /// <summary>
    /// Pocock at α = 0.05 over 10, 20, 30 and 40 pairs (Python: thresholds 10, 16, 22, 27): the exact levels after the first
    /// look are far above the union bound's shares (0.0131, 0.0104, 0.0086), and its last look nearly spends what is left.
    /// </summary>
    [Test]
    public void Pocock_over_four_looks_matches_the_python_dynamic_programme()
    {
        var looks = new[] { 10, 20, 30, 40 };
        var spent = looks.Select(n => 0.05 * Math.Log(1 + (Math.E - 1) * n / 40.0)).ToList();
        var levels = SequentialSignBoundary.NominalLevels(looks, spent);
        var thresholds = new[] { 10, 16, 22, 27 };
        Assert.That(levels, Is.EqualTo(looks.Select((n, j) => 2 * SignTest.UpperTail(n, thresholds[j]))).Within(1e-12));
        TestContext.Out.WriteLine($"pocock, 1 part: {string.Join(", ", levels.Select(l => l.ToString("0.00000")))}");
        var six = SequentialSignBoundary.NominalLevels(looks, [.. spent.Select(s => s / 6)]);
        Assert.That(six, Is.EqualTo(new[] { 10, 17, 24, 30 }.Select((u, j) => 2 * SignTest.UpperTail(looks[j], u))).Within(1e-12));
        TestContext.Out.WriteLine($"pocock, 6 parts: {string.Join(", ", six.Select(l => l.ToString("0.00000")))}");
    }

    /// <summary>
    /// Every one of the 2¹² sign vectors of looks at 6 and 12 pairs, spending 0.04 and 0.05: the chance of deciding by each
    /// look is at most its spent α, and one count more at look 2 (the next larger p) would overspend, so the boundary is the
    /// largest allowed.
    /// </summary>
    [Test]
    public void Enumerating_every_sign_vector_confirms_the_boundaries_spend_at_most_and_nearly_all_of_alpha()
    {
        var spent = new[] { 0.04, 0.05 };
        var levels = SequentialSignBoundary.NominalLevels([6, 12], spent);
        Assert.That(levels[0], Is.EqualTo(2 / 64.0).Within(1e-15), "6 of 6: p = 0.03125 ≤ 0.04; 5 of 6 has p = 0.22");

        double ByLook2(double level2)
        {
            var decided = 0;
            for (var signs = 0; signs < 1 << 12; signs++)
            {
                var first = System.Numerics.BitOperations.PopCount((uint)(signs & 0x3F));
                var all = System.Numerics.BitOperations.PopCount((uint)signs);
                if (P(6, first) <= levels[0] * (1 + 1e-9) || P(12, all) <= level2 * (1 + 1e-9)) decided++;
            }
            return decided / 4096.0;
        }

        Assert.That(ByLook2(0), Is.EqualTo(2 / 64.0).Within(1e-15), "look 1 alone");
        Assert.That(ByLook2(levels[1]), Is.LessThanOrEqualTo(spent[1]));
        var next = Enumerable.Range(0, 13).Select(s => P(12, s)).Where(p => p > levels[1] * (1 + 1e-9)).Min();
        Assert.That(ByLook2(next), Is.GreaterThan(spent[1]), "one count more would overspend");
    }

    /// <summary>
    /// At the first look nothing was spent before, so the exact boundary decides exactly where p ≤ the look's α does: a plan's
    /// first look (and every plain run) keeps the verdicts the union bound gave, for every count and many levels.
    /// </summary>
    [Test]
    public void At_the_first_look_the_boundary_decides_exactly_where_p_is_at_most_alpha()
    {
        foreach (var alpha in new[] { 0.05, 0.0125, 0.05 / 6, 0.0178716, 0.01, 0.001, 8.6e-5, 0.5 })
            for (var n = 0; n <= 80; n++)
            {
                var level = SequentialSignBoundary.NominalLevels([n], [alpha])[0];
                for (var s = 0; s <= n; s++)
                    Assert.That(P(n, s) <= level * (1 + SequentialSignBoundary.Tolerance), Is.EqualTo(P(n, s) <= alpha),
                        $"n = {n}, {s} positive, α = {alpha}");
            }
    }

    [Test]
    public void A_look_no_count_can_reach_gets_level_zero_and_its_alpha_carries_forward()
    {
        // 5 pairs can never reach 0.05 (p ≥ 0.0625); 12 pairs with 0.05 unspent: 10 of 12 (p = 0.0386).
        var levels = SequentialSignBoundary.NominalLevels([5, 12], [0.04, 0.05]);
        Assert.That(levels[0], Is.EqualTo(0));
        Assert.That(levels[1], Is.EqualTo(2 * SignTest.UpperTail(12, 10)).Within(1e-15));
    }

    private static double P(int n, int positive) => Math.Min(1, 2 * SignTest.UpperTail(n, Math.Max(positive, n - positive)));
}

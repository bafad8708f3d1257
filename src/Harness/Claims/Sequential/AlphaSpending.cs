using MathNet.Numerics.Distributions;

namespace Harness.Claims.Sequential;

/// <summary>
/// How a claim's α is spent over the looks of a <see cref="SequentialPlan"/>: a cumulative spending function α(t) of the
/// information fraction t = seeds at the look / the plan's budget, with α(1) = α, and look k held to the increment
/// α(tₖ) − α(tₖ₋₁). A claim decided at any look keeps its verdict, so by the union bound the chance that some look gives a
/// wrong verdict is at most the sum of the increments, α: whatever the dependence between looks, whatever exact test decides
/// a part, provided the plan (and with it every look's α) is fixed before the first look.
/// <para>
/// The Pocock and O'Brien–Fleming shapes are Lan and DeMets' (1983), but not their boundaries: those spend α more
/// efficiently by using the correlation between the looks of a normal statistic, which the exact discrete tests here (sign
/// test, permutation tests) are not. Each look is simply held to its increment, which is valid for any statistic and
/// conservative for all.
/// </para>
/// </summary>
/// <param name="Name">How a claims file names the rule (<c>"decide": { "spending": … }</c>) and the report shows it.</param>
internal abstract record AlphaSpending(string Name)
{
    /// <summary>The even split the plan used before it had a choice, and still the default: each of L looks gets α/L.</summary>
    public static AlphaSpending Bonferroni { get; } = new Even();

    /// <summary>Spends more early (about α/2.8 at a quarter of the budget): a clear effect stops sooner, a subtle one pays
    /// for it at the last look.</summary>
    public static AlphaSpending Pocock { get; } = new PocockType();

    /// <summary>Spends almost nothing early (about α/560 at a quarter), so the last look keeps nearly all of α: little power is lost
    /// against a single look at the budget, but only an overwhelming effect stops early.</summary>
    public static AlphaSpending OBrienFleming { get; } = new OBrienFlemingType();

    public static IReadOnlyList<AlphaSpending> All { get; } = [Bonferroni, Pocock, OBrienFleming];

    /// <summary>The rule a claims file names (case-insensitive), or null.</summary>
    public static AlphaSpending? Find(string name) => All.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The α spent by look <paramref name="look"/> of <paramref name="looks"/> (both 1-based), whose information fraction is
    /// <paramref name="fraction"/> ∈ (0, 1]. Rules of the fraction ignore the look's number; the even split counts looks instead.
    /// </summary>
    public abstract double Spent(double alpha, double fraction, int look, int looks);

    public sealed override string ToString() => Name;

    private sealed record Even() : AlphaSpending("bonferroni")
    {
        public override double Spent(double alpha, double fraction, int look, int looks) => alpha * look / looks;
    }

    /// <summary>α·ln(1 + (e − 1)·t).</summary>
    private sealed record PocockType() : AlphaSpending("pocock")
    {
        public override double Spent(double alpha, double fraction, int look, int looks) =>
            alpha * Math.Log(1 + (Math.E - 1) * fraction);
    }

    /// <summary>2 − 2Φ(z₁₋α/₂ / √t), computed as 2Φ(−z/√t) so tiny early values keep their digits; at t = 1 exactly α.</summary>
    private sealed record OBrienFlemingType() : AlphaSpending("obrien-fleming")
    {
        public override double Spent(double alpha, double fraction, int look, int looks) =>
            Math.Min(alpha, 2 * Normal.CDF(0, 1, -Normal.InvCDF(0, 1, 1 - alpha / 2) / Math.Sqrt(fraction)));
    }
}

using System.Globalization;

namespace Harness.Claims.Sequential;

/// <summary>How a claim fared under a sequential plan: the look that decided it (or the last, if none did).</summary>
/// <param name="Seeds">Seeds per configuration behind the verdict.</param>
/// <param name="Look">The look (1-based) that decided it, or the last look when it stayed open.</param>
/// <param name="AlphaPerLook">The claim's α at every look: α / <see cref="Looks"/>.</param>
public sealed record SequentialDecision(int Seeds, int Look, int Looks, int MaxSeeds, double AlphaPerLook, bool Decided)
{
    public string Describe()
    {
        var alpha = AlphaPerLook.ToString("0.#####", CultureInfo.InvariantCulture);
        return Decided
            ? $"Decided at look {Look} of {Looks}, with {Seeds} seeds per configuration (α split evenly over the looks: {alpha} each)."
            : $"Still open after {Looks} looks and the budget of {MaxSeeds} seeds per configuration (α {alpha} per look).";
    }
}

using Harness.Statistics;

namespace Harness.Tests.Unit.Claims;

/// <summary>
/// How often something happened over simulated worlds, with the one-sided 99% Clopper–Pearson lower bound of that share:
/// a rate passes a calibration check when the bound is at most α, so a procedure exactly at α fails on at most 1% of draws
/// of worlds.
/// </summary>
internal sealed record MeasuredRate(int Events, int Worlds)
{
    public double Share => (double)Events / Worlds;

    /// <summary>ClopperPearson takes a two-sided level: 0.98 leaves 1% in each tail, so its lower end is a one-sided 99% bound.</summary>
    public double Lower { get; } = ClopperPearson.Of(Events, Worlds, 0.98).Lower;

    public override string ToString() =>
        $"{Events} of {Worlds} worlds: {Share:0.0000} (one-sided 99% lower bound {Lower:0.0000})";
}

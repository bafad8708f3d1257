using System.Collections.Immutable;
using Harness.Claims;
using Harness.Config;
using Harness.Settings;
using Harness.History;
using Harness.Tests.Unit.Baselines;

namespace Harness.Tests.Unit.Claims;

/// <summary>Runs whose final generalisation gap is exactly what a test says it is.</summary>
internal static class SyntheticRuns
{
    public static RunResult WithGap(int layers, double dropout, int nTrain, int seed, double gap)
    {
        ImmutableArray<double> Flat(double last) => [.. Enumerable.Repeat(0.5, 17), last];
        var config = new RunConfig { Layers = layers, Dropout = dropout, NTrain = nTrain, Seed = seed };
        return new RunResult(config, BaselineFixtures.Here, new TrainingHistory(Flat(0.1), Flat(0.9), Flat(0.1 + gap), Flat(0.8)), 1);
    }

    /// <summary>A claim filter on the tutorial's axes, as claims.json would give it.</summary>
    public static RunFilter Filter(int? layers = null, double? dropout = null, int? nTrain = null) => new(
        new (RunSetting, object?)[] { (RunSettings.Layers, layers), (RunSettings.Dropout, dropout), (RunSettings.NTrain, nTrain) }
            .Where(c => c.Item2 is not null).Select(c => (c.Item1, c.Item2!)).ToList());

    /// <summary>A snapshot registration of <paramref name="verdict"/> with fixed provenance, for claims built in code.</summary>
    public static Registration Registered(ClaimVerdict verdict) =>
        Registration.Snapshot(verdict, 6, "portable", new DateOnly(2026, 11, 26), "d70bc6c");

    /// <summary>A negligible band pre-registered before any run, so every seed counts for it.</summary>
    public static NegligibleBand Band(double width) =>
        new(width, new Declaration(DeclarationKind.Preregistered, new DateOnly(2026, 11, 26), "d70bc6c", null));

    /// <summary>A negligible band declared after seeds 1 to <paramref name="lastSeed"/> had been looked at.</summary>
    public static NegligibleBand PostHocBand(double width, int lastSeed) =>
        new(width, new Declaration(DeclarationKind.PostHoc, new DateOnly(2026, 11, 27), "f72c10f", lastSeed));

    /// <summary>A small deterministic "noise" in [-0.5, 0.5) per seed, so groups have spread without randomness.</summary>
    public static double Noise(int seed, int salt = 0) => ((seed * 37 + salt * 11) % 17) / 17.0 - 0.5;

    /// <summary>Uniform in [−½, ½), unrelated between salts: <see cref="Noise"/> rises steadily with its salt, which a
    /// within-seed trend test rightly reads as a trend.</summary>
    public static double Jitter(int seed, int salt) =>
        Harness.Statistics.SeededRandom.Derive(1, $"{seed}/{salt}") / (double)ulong.MaxValue - 0.5;

    /// <summary>A standard normal by Box–Muller from two uniforms of the generator (u₁ in (0, 1], so the log is finite).</summary>
    public static double Gaussian(Harness.Statistics.SeededRandom random)
    {
        var u1 = ((random.NextUInt64() >> 11) + 1) / 9007199254740992.0;
        var u2 = (random.NextUInt64() >> 11) / 9007199254740992.0;
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}

using MathNet.Numerics.Distributions;

namespace Harness.Statistics;

/// <summary>
/// The exact (Clopper–Pearson) interval for a binomial proportion: never narrower than the data allow, and never [0, 0]
/// or [1, 1] at any n, unlike a percentile bootstrap: n unanimous pairs give [((1 − level)/2)^(1/n), 1], so 10 give
/// [0.645, 1] at 97.5% and 5 give [0.416, 1] ([0.692, 1] and [0.478, 1] at 95%).
/// </summary>
internal static class ClopperPearson
{
    /// <param name="successes">How many of <paramref name="trials"/> went one way.</param>
    /// <param name="point">The estimate to report (e.g. with ties counted as halves); defaults to successes / trials.</param>
    public static Interval Of(int successes, int trials, double level, double? point = null)
    {
        if (trials < 1) throw new ArgumentException("At least one trial is needed.", nameof(trials));
        var tail = (1 - level) / 2;
        var lower = successes == 0 ? 0 : Beta.InvCDF(successes, trials - successes + 1, tail);
        var upper = successes == trials ? 1 : Beta.InvCDF(successes + 1, trials - successes, 1 - tail);
        return new Interval(point ?? (double)successes / trials, lower, upper, level);
    }
}

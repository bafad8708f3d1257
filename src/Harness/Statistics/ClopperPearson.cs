using MathNet.Numerics.Distributions;

namespace Harness.Statistics;

/// <summary>
/// The exact (Clopper–Pearson) interval for a binomial proportion: never narrower than the data allow, and never [0, 0]
/// or [1, 1] at any n (10 unanimous pairs give [0.69, 1] at 97.5%, 5 give [0.48, 1]), unlike a percentile bootstrap.
/// </summary>
public static class ClopperPearson
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

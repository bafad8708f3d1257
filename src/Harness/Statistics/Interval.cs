namespace Harness.Statistics;

/// <summary>A point estimate and its confidence interval at <see cref="Level"/>.</summary>
internal sealed record Interval(double Point, double Lower, double Upper, double Level)
{
    public double HalfWidth => (Upper - Lower) / 2;
}

namespace Harness.Statistics;

/// <summary>A point estimate and its confidence interval at <see cref="Level"/>.</summary>
public sealed record Interval(double Point, double Lower, double Upper, double Level)
{
    public double HalfWidth => (Upper - Lower) / 2;
}

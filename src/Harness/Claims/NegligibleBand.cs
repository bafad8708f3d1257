namespace Harness.Claims;

/// <summary>
/// The smallest effect that matters, in the metric's units: a part whose mean difference lies wholly inside ±<see cref="Width"/>
/// is Negligible. A band declared after the data (<see cref="Declaration.PostHoc"/>) may have been drawn around them, so its
/// Negligible verdicts are exploratory until the seeds that did not exist when it was declared confirm them on their own.
/// </summary>
internal sealed record NegligibleBand(double Width, Declaration Declared);

namespace Harness.Claims.Comparisons;

/// <summary>
/// What a part's difference in the metric's units is (the quantity its negligible band bounds) and how its interval was
/// found, as the report names them: most parts take a mean difference with a t interval; a spread part takes the difference
/// of two spreads, bootstrapped over seeds.
/// </summary>
internal sealed record DifferenceMeasure(string Name, string Method)
{
    public static DifferenceMeasure Mean { get; } = new("mean difference", "TOST on t: parametric");

    public static DifferenceMeasure Spread { get; } = new("difference in spread", "TOST on a bootstrap over seeds");
}

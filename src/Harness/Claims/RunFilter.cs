using System.Globalization;
using Harness.Config;

namespace Harness.Claims;

/// <summary>Selects runs by the experiment's axes; an unset field matches anything.</summary>
public sealed record RunFilter(int? Layers = null, double? Dropout = null, int? NTrain = null)
{
    public bool Matches(RunConfig run) =>
        (Layers is null || run.Layers == Layers) && (Dropout is null || run.Dropout == Dropout) && (NTrain is null || run.NTrain == NTrain);

    /// <summary>Fields this filter pins to a different value than <paramref name="other"/>: what a comparison contrasts.</summary>
    public IReadOnlySet<string> DiffersFrom(RunFilter other)
    {
        var fields = new HashSet<string>();
        if (Layers != other.Layers) fields.Add("layers");
        if (Dropout != other.Dropout) fields.Add("dropout");
        if (NTrain != other.NTrain) fields.Add("nTrain");
        return fields;
    }

    /// <summary>E.g. "layers=9" or "dropout=0.2, n=1000"; only the given fields, or all set ones.</summary>
    public string Describe(IReadOnlySet<string>? only = null)
    {
        var parts = new List<string>();
        if (Layers is { } l && (only is null || only.Contains("layers"))) parts.Add($"layers={l}");
        if (Dropout is { } d && (only is null || only.Contains("dropout"))) parts.Add($"dropout={d.ToString(CultureInfo.InvariantCulture)}");
        if (NTrain is { } n && (only is null || only.Contains("nTrain"))) parts.Add($"n={n}");
        return parts.Count == 0 ? "all runs" : string.Join(", ", parts);
    }
}

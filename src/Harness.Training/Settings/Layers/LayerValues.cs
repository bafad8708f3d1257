using System.Collections.Immutable;
using Harness.Settings;

namespace Harness.Settings.Layers;

/// <summary>
/// Layer values a run sets away from the model as declared, by <c>&lt;layer&gt;.&lt;key&gt;</c> (a grid's axis values, e.g.
/// <c>dropout_2.rate</c> = 0.3). Equal when the same keys hold the same values, so runs compare as their settings do.
/// </summary>
internal sealed record LayerValues
{
    public static readonly LayerValues None = new(ImmutableSortedDictionary<string, object>.Empty.WithComparers(StringComparer.Ordinal));

    private LayerValues(ImmutableSortedDictionary<string, object> values) => Values = values;

    public ImmutableSortedDictionary<string, object> Values { get; }

    public object? this[string name] => Values.TryGetValue(name, out var value) ? value : null;

    public LayerValues Set(string name, object value) => new(Values.SetItem(name, value));

    public bool Equals(LayerValues? other) => other is not null && Values.Count == other.Values.Count &&
        Values.All(v => other.Values.TryGetValue(v.Key, out var o) && RunSetting.SameValue(v.Value, o));

    public override int GetHashCode() => Values.Aggregate(0, (h, v) => h ^ HashCode.Combine(v.Key, RunSetting.Format(v.Value)));
}

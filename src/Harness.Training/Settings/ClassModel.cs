using System.Collections.Immutable;

namespace Harness.Settings;

/// <summary>
/// A model written in C# (a <see cref="Harness.Model.HarnessModel"/>), as an experiment names it: the class, the value of each
/// setting it declares as the experiment gives it (its <c>"settings"</c>, else the class's default) and the identity of its
/// code. A run's own values (a grid's <c>hidden</c>) sit in its <see cref="RunConfig.LayerValues"/>, as layer values do.
/// Equal when the class, its code and the declared values are.
/// </summary>
/// <param name="Code">The identity of the assemblies the class's code comes from (<see cref="ModelCode"/>): part of the
/// run store's key, so editing the model never reuses a stored run.</param>
internal sealed record ClassModel(Type Type, ImmutableSortedDictionary<string, object> Values, string Code)
{
    /// <summary>As experiment.json names it: the full type name.</summary>
    public string ClassName => Type.FullName!;

    /// <summary>Every declared setting's value for <paramref name="run"/>: the run's own, else the declared one.</summary>
    public IEnumerable<(string Name, object Value)> ValuesOf(RunConfig run) =>
        Values.Select(v => (v.Key, run.LayerValues[v.Key] ?? v.Value));

    public bool Equals(ClassModel? other) => other is not null && Type == other.Type && Code == other.Code &&
        Values.Count == other.Values.Count &&
        Values.All(v => other.Values.TryGetValue(v.Key, out var o) && RunSetting.SameValue(v.Value, o));

    public override int GetHashCode() => HashCode.Combine(Type, Code, Values.Count);

    /// <summary>As reports print it: <c>Harness.Examples.TwoLayerNet(hidden 32)</c>.</summary>
    public string Describe() =>
        $"{ClassName}({string.Join(", ", Values.Select(v => $"{v.Key} {RunSetting.Format(v.Value)}"))})";
}

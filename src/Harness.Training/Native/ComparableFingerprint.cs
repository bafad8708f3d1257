using System.Collections.Immutable;

namespace Harness.Native;

/// <summary>
/// The fields of a fingerprint that its numerics profile's comparability rule names, in the rule's order: what a
/// baseline records, and what must be equal for two histories to be compared bit for bit. Machine details outside
/// the rule (CPU model under the portable profile, say) are left out, so a baseline's bytes do not depend on the
/// machine that accepted it.
/// </summary>
internal sealed record ComparableFingerprint(ImmutableArray<(string Name, string Value)> Fields)
{
    public string Numerics => Value(EnvironmentFingerprint.NumericsField) ?? "";

    public string? Value(string name) => Fields.FirstOrDefault(f => f.Name == name).Value;

    /// <summary>Each field that keeps the two from being compared, as "name: baseline's (baseline) vs this (current)".</summary>
    public IReadOnlyList<string> DifferencesFrom(ComparableFingerprint baseline)
    {
        // Another profile compares other fields; the profile alone says why.
        if (Numerics != baseline.Numerics) return [$"numerics: {baseline.Numerics} (baseline) vs {Numerics} (current)"];
        return Fields.Select(f => f.Name).Union(baseline.Fields.Select(f => f.Name))
            .Where(name => Value(name) != baseline.Value(name))
            .Select(name => $"{name}: {baseline.Value(name) ?? "absent"} (baseline) vs {Value(name) ?? "absent"} (current)")
            .ToList();
    }

    public bool Equals(ComparableFingerprint? other) => other is not null && Fields.SequenceEqual(other.Fields);

    public override int GetHashCode() => Fields.Aggregate(0, (hash, f) => HashCode.Combine(hash, f.Name, f.Value));
}

using Harness.Settings;

namespace Harness.Claims;

/// <summary>Selects runs by values of the experiment's axes; a setting the filter does not name matches anything.</summary>
internal sealed record RunFilter(IReadOnlyList<(RunSetting Setting, object Value)> Conditions)
{
    public bool Matches(RunConfig run) => Conditions.All(c => RunSetting.SameValue(c.Setting.Effective(run), c.Value));

    public object? ValueOf(RunSetting setting) => Conditions.FirstOrDefault(c => c.Setting == setting).Value;

    /// <summary>Settings this filter pins to a different value than <paramref name="other"/>: what a comparison contrasts.</summary>
    public IReadOnlySet<RunSetting> DiffersFrom(RunFilter other) =>
        Conditions.Select(c => c.Setting).Union(other.Conditions.Select(c => c.Setting))
            .Where(s => !RunSetting.SameValue(ValueOf(s), other.ValueOf(s)))
            .ToHashSet();

    /// <summary>E.g. "layers=9" or "dropout=0.2, n=1000" (run-id tokens, in run-id order); only the given settings, or all.</summary>
    public string Describe(IReadOnlySet<RunSetting>? only = null)
    {
        var parts = Conditions.Where(c => only is null || only.Contains(c.Setting))
            .OrderBy(c => RunSettings.IndexOf(c.Setting))
            .Select(c => $"{c.Setting.Token}={RunSetting.Format(c.Value)}").ToList();
        return parts.Count == 0 ? "all runs" : string.Join(", ", parts);
    }
}

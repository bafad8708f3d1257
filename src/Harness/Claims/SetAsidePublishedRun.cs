using Harness.Config;
using Harness.Settings;

namespace Harness.Claims;

/// <summary>
/// A published run this reproduction does not compare. Overrides of the experiment's own settings (<c>--set</c>, or
/// <c>HARNESS__</c> variables) left no reproduced configuration that trains with the settings the published run trained with,
/// and a published run is only ever placed among runs of its own settings: a 12-epoch result is not judged by 1-epoch runs.
/// </summary>
/// <param name="Differences">Each setting the published run trained with otherwise than the nearest reproduced configuration
/// (the one with the fewest differences, first in grid order).</param>
/// <param name="Causes">The overrides that set those settings; all of them when none names one (an override can change a
/// setting it does not name: another optimizer brings its own defaults).</param>
internal sealed record SetAsidePublishedRun(PublishedRun Run, IReadOnlyList<SettingDifference> Differences,
    IReadOnlyList<ConfigOverride> Causes)
{
    /// <summary>"trained with epochs 12, the reproduced runs with epochs 1 (--set run:epochs=1)": why, after "it" or "each".</summary>
    public string Because =>
        $"trained with {List(Differences.Select(d => $"{d.Setting} {d.Value}"))}, the reproduced runs with " +
        $"{List(Differences.Select(d => $"{d.Setting} {d.OtherValue}"))}" + (Causes.Count > 0 ? $" ({string.Join(", ", Causes)})" : "");

    /// <summary>
    /// Splits the experiment's published runs (read against the experiment as its folder declares it) into those a reproduction
    /// of <paramref name="reproduced"/> compares, each with a configuration of its own settings, and those it sets aside.
    /// </summary>
    /// <param name="overrides">What changed the declared experiment into <paramref name="reproduced"/>.</param>
    public static (IReadOnlyList<PublishedRun> Compared, IReadOnlyList<SetAsidePublishedRun> SetAside) Sort(
        IReadOnlyList<PublishedRun> published, Experiment reproduced, IReadOnlyList<ConfigOverride> overrides)
    {
        var configurations = reproduced.Grids.SelectMany(g => g.Combinations()).ToList();
        var compared = new List<PublishedRun>();
        var setAside = new List<SetAsidePublishedRun>();
        foreach (var run in published)
        {
            var nearest = configurations.Select(c => SettingDifference.Between(run.Config, c)).MinBy(d => d.Count)!;
            if (nearest.Count == 0) compared.Add(run);
            else setAside.Add(new SetAsidePublishedRun(run, nearest, CausesOf(nearest, overrides)));
        }
        return (compared, setAside);
    }

    /// <summary>For the console and the conclusions: one sentence per reason, naming every run it sets aside, e.g. "Published run
    /// layers-1_dropout-0_n-1000 set aside: it trained with epochs 18, the reproduced runs with epochs 2 (--set run:epochs=2)."</summary>
    public static IEnumerable<string> Sentences(IReadOnlyList<SetAsidePublishedRun> setAside) =>
        setAside.GroupBy(s => s.Because).Select(g => g.Count() == 1
            ? $"Published run {g.First().Run.ConfigurationId} set aside: it {g.Key}."
            : $"{g.Count()} published runs set aside ({string.Join(", ", g.Select(s => s.Run.ConfigurationId))}): each {g.Key}.");

    /// <summary>"a", "a and b", "a, b and c".</summary>
    private static string List(IEnumerable<string> items) => items.ToList() is var list && list.Count > 1
        ? $"{string.Join(", ", list[..^1])} and {list[^1]}" : string.Concat(list);

    private static IReadOnlyList<ConfigOverride> CausesOf(IReadOnlyList<SettingDifference> differences,
        IReadOnlyList<ConfigOverride> overrides)
    {
        var naming = overrides.Where(o => differences.Any(d => o.Sets(d.Setting))).ToList();
        return naming.Count > 0 ? naming : overrides;
    }
}

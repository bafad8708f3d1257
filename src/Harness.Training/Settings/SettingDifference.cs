using Harness.Settings.Layers;

namespace Harness.Settings;

/// <summary>One setting two runs train with differently, each value as run ids print it (<c>none</c> where a run does not use
/// the setting).</summary>
/// <param name="Setting">The setting's name (<c>epochs</c>, <c>conv2d_1.filters</c>), or <see cref="Model"/>.</param>
internal sealed record SettingDifference(string Setting, string Value, string OtherValue)
{
    /// <summary>The difference of two declared models that no setting names: a layer list changed as a whole.</summary>
    public const string Model = "model";

    /// <summary>
    /// Everything but the seed in which <paramref name="run"/> and <paramref name="other"/> differ, in run-id order: none when
    /// they are runs of one configuration. Values are compared as the runs train with them (a default written out equals the
    /// default left out).
    /// </summary>
    public static IReadOnlyList<SettingDifference> Between(RunConfig run, RunConfig other)
    {
        var differences = RunSettings.Of([run, other]).Where(s => s != RunSettings.Seed)
            .Where(s => !RunSetting.SameValue(s.Effective(run), s.Effective(other)))
            .Select(s => new SettingDifference(s.Name, Format(s.Effective(run)), Format(s.Effective(other)))).ToList();
        // Settings name every layer value a grid varies, not a layer list replaced whole: then only the networks tell.
        if (differences.Count == 0 && Network(run) is { } network && Network(other) is { } otherNetwork && network != otherNetwork)
            differences.Add(new SettingDifference(Model, network.Describe(), otherNetwork.Describe()));
        if (differences.Count == 0 && run.ModelClass != other.ModelClass)
            differences.Add(new SettingDifference(Model, Describe(run), Describe(other)));
        return differences;
    }

    private static ModelSpec? Network(RunConfig run) => run.Model?.With(run.LayerValues);

    private static string Describe(RunConfig run) => run.ModelClass?.Describe() ?? Network(run)?.Describe() ?? "the MLP";

    private static string Format(object? value) => value is null ? "none" : RunSetting.Format(value);
}

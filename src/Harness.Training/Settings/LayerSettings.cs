using System.Collections.Concurrent;
using Harness.Settings.Layers;

namespace Harness.Settings;

/// <summary>
/// A layer's value as a run setting, named <c>&lt;layer name&gt;.&lt;key&gt;</c> (<c>conv2d_1.filters</c>,
/// <c>dropout_2.rate</c>; the keys are <see cref="LayerKeys"/>): a grid axis, a claim filter, a CSV column and a run-id token
/// like any other setting. Its default is the value in the run's declared model; a run whose model has no such layer does not
/// use it. One instance per name, so settings compare by reference as the built-in ones do.
/// </summary>
internal static class LayerSettings
{
    private static readonly ConcurrentDictionary<string, RunSetting> Settings = new(StringComparer.Ordinal);

    public static RunSetting? Find(string name)
    {
        var dot = name.LastIndexOf('.');
        if (dot <= 0 || LayerKeys.Find(name[(dot + 1)..]) is not { } key) return null;
        var layer = name[..dot];
        return Settings.GetOrAdd(name, _ => new RunSetting
        {
            Name = name, Token = name, FileKey = name, Kind = key.Kind, Choices = key.Choices, InRange = key.InRange,
            Expected = key.Expected, Description = $"{key.Name} of the model's layer '{layer}'",
            Get = r => r.LayerValues[name],
            Set = (r, v) => r with { LayerValues = r.LayerValues.Set(name, v) },
            Default = r => r.Model?.Find(layer)?.Values.GetValueOrDefault(key.Name),
        });
    }

    public static bool IsLayerSetting(RunSetting setting) => Find(setting.Name) == setting;
}

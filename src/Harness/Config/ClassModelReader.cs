using System.Collections.Immutable;
using Harness.Model;
using Harness.Settings;

namespace Harness.Config;

/// <summary>
/// Reads an experiment's <c>"model"</c> when it names a C# class: <c>{ "class": "Harness.Examples.TwoLayerNet",
/// "settings": { "hidden": 128 } }</c>. The class must be found (<see cref="ClassResolver"/>), be a
/// <see cref="HarnessModel"/> that can be made, and declare every setting given; each setting it declares becomes a run
/// setting (<see cref="ModelSettings"/>) that grids may vary. Every problem is an error at its key.
/// </summary>
internal sealed class ClassModelReader(ConfigReader reader)
{
    public const string Key = "model:class";

    public static bool Names(ConfigReader reader) => reader.Has(Key);

    public ClassModel? Read()
    {
        reader.OnlyKeys("model", "class", "settings");
        var name = reader.String(Key, required: true);
        if (string.IsNullOrWhiteSpace(name)) return null;
        if (ClassResolver.Find(name, out var searched) is not { } type)
        {
            reader.Error(Key, $"class '{name}' not found; looked in {searched}. Expected the full name of a class deriving from " +
                $"{typeof(HarnessModel).FullName}, in an assembly the program or test project references");
            return null;
        }
        HarnessModel model;
        try
        {
            model = ClassModelBuilder.Instantiate(type);
        }
        catch (InvalidOperationException e)
        {
            reader.Error(Key, e.Message);
            return null;
        }
        var values = ImmutableSortedDictionary<string, object>.Empty.WithComparers(StringComparer.Ordinal);
        foreach (var (setting, value) in model.Settings)
        {
            if (ModelSettings.Declare(setting, value, out var error) is null) reader.Error(Key, $"{type.FullName}: {error}");
            else values = values.SetItem(setting, value);
        }
        foreach (var key in reader.ChildKeys("model:settings"))
        {
            if (!values.ContainsKey(key))
            {
                reader.Error($"model:settings:{key}", Undeclared(key, type, values.Keys));
                continue;
            }
            if (reader.Setting($"model:settings:{key}", ModelSettings.Find(key)!) is { } value) values = values.SetItem(key, value);
        }
        return new ClassModel(type, values, ModelCode.Of(type));
    }

    public static string Undeclared(string setting, Type type, IEnumerable<string> declared) =>
        $"the model class {type.FullName} declares no setting '{setting}'; it declares " +
        (declared.Any() ? string.Join(", ", declared) : "none");
}

using System.Collections;
using System.Text.RegularExpressions;
using Harness.Settings;
using Harness.Native;
using Microsoft.Extensions.Configuration;

namespace Harness.Config;

/// <summary>
/// Reads an experiment definition: <c>experiments/&lt;name&gt;/experiment.json</c> beside the program, then
/// environment variables <c>HARNESS__&lt;key&gt;</c> (<c>__</c> separates levels, e.g.
/// <c>HARNESS__grids__0__seeds__count=3</c>), then command-line overrides (<c>--set key=value</c>), each
/// overriding the one before. Everything is validated before anything runs, and every error is reported at once.
/// </summary>
internal static partial class ExperimentLoader
{
    public const string EnvironmentPrefix = "HARNESS__";
    public const string DefaultExperiment = "keras-tutorial-05";

    /// <summary>Loads the experiment <see cref="ExperimentCatalog"/> knows by <paramref name="name"/>: shipped, or in a
    /// <c>HARNESS_EXPERIMENTS</c> folder.</summary>
    public static Experiment Load(string name, IReadOnlyDictionary<string, string?>? overrides = null, IDictionary? environment = null)
    {
        var entry = FileSafe().IsMatch(name) ? ExperimentCatalog.Find(name) : null;
        if (entry is null)
            throw new ConfigurationException(
                [$"experiment '{name}': no definition at " +
                    $"{Path.Combine(ExperimentFiles.ShippedExperiments, name, ExperimentFiles.DefinitionFile)}; known experiments: " +
                    $"{string.Join(", ", ExperimentCatalog.All().Select(e => e.Name).Distinct())} (shipped, and in " +
                    $"{ExperimentCatalog.Variable}; or give the path of an experiment folder)"]);
        return LoadFile(entry.DefinitionPath, overrides, environment);
    }

    public static Experiment LoadFile(string path, IReadOnlyDictionary<string, string?>? overrides = null, IDictionary? environment = null)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new ConfigurationException(
            [$"{full}: no such file; an experiment is a folder holding {ExperimentFiles.DefinitionFile}"]);
        var fromEnvironment = EnvironmentOverrides(environment ?? Environment.GetEnvironmentVariables());
        IConfigurationRoot root;
        try
        {
            root = new ConfigurationBuilder()
                .SetBasePath(Path.GetDirectoryName(full)!)
                .AddJsonFile(Path.GetFileName(full), optional: false, reloadOnChange: false)
                .AddInMemoryCollection(fromEnvironment)
                .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
                .Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException)
        {
            throw ConfigReader.NotJson(full, e);
        }

        var providers = root.Providers.ToList();
        var reader = new ConfigReader(root,
        [
            (providers[0], $"in {full}"),
            (providers[1], $"from environment variable {EnvironmentPrefix}{{key__}}"),
            (providers[2], "from command-line --set {key}=..."),
        ]);
        var experiment = Read(reader, full);
        return reader.Errors.Count == 0 ? experiment : throw new ConfigurationException(reader.Errors);
    }

    /// <summary>
    /// What the environment's <c>HARNESS__</c> variables (by name, for the same list in every process), then
    /// <paramref name="overrides"/> (<c>--set</c>), set on top of an experiment's file: the keys <see cref="LoadFile"/> applies.
    /// </summary>
    public static IReadOnlyList<ConfigOverride> Overrides(IReadOnlyDictionary<string, string?>? overrides = null,
        IDictionary? environment = null) =>
    [
        .. EnvironmentVariables(environment ?? Environment.GetEnvironmentVariables()).OrderBy(v => v.Name, StringComparer.Ordinal)
            .Select(v => new ConfigOverride(v.Key, $"{v.Name}={v.Value}")),
        .. (overrides ?? new Dictionary<string, string?>()).Select(o => new ConfigOverride(o.Key, $"--set {o.Key}={o.Value}")),
    ];

    private static Dictionary<string, string?> EnvironmentOverrides(IDictionary environment)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, key, value) in EnvironmentVariables(environment)) values[key] = value;
        return values;
    }

    private static IEnumerable<(string Name, string Key, string? Value)> EnvironmentVariables(IDictionary environment)
    {
        foreach (DictionaryEntry entry in environment)
            if (entry.Key is string name && name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
                yield return (name, name[EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal), entry.Value as string);
    }

    private static Experiment Read(ConfigReader reader, string path)
    {
        reader.OnlyKeys("", "name", "title", "source", "dataset", "numerics", "model", "run", "grids", "figures", "ensemble", "data",
            "explicit");
        var name = reader.String("name", required: true) ?? "";
        if (name.Length > 0 && !FileSafe().IsMatch(name)) reader.Error("name",
            $"expected a file-safe name (letters, digits, '-', '_', '.'), found '{name}'");
        var dataset = reader.String("dataset") ?? "mnist";
        if (!dataset.Equals("mnist", StringComparison.OrdinalIgnoreCase)) reader.Error("dataset",
            $"expected 'mnist' (the only dataset with a known source), found '{dataset}'");

        var numericsName = reader.String("numerics") ?? NumericsProfile.Default.Name;
        var numerics = NumericsProfile.Find(numericsName);
        if (numerics is null) reader.Error("numerics", $"expected {NumericsProfile.Names}, found '{numericsName}'");

        reader.OnlyKeys("data", "directory", "class");
        var dataClass = DataClassReader.Read(reader);
        if (dataClass is not null && reader.Has("data:directory"))
            reader.Error("data:directory", "a data source class gives the data; expected no directory beside data:class");
        if (dataClass is not null && reader.Has("dataset"))
            reader.Error("dataset", "a data source class gives the data; expected no dataset beside data:class");

        // The model first: a C# model's settings are run settings from here on (ModelSettings).
        var template = ClassModelReader.Names(reader) ? new RunConfig { ModelClass = new ClassModelReader(reader).Read() }
            : new RunConfig { Model = new ModelReader(reader).Read() };
        template = ReadRunSettings(reader, template with { Dataset = dataClass?.FullName ?? template.Dataset });
        var grids = ReadGrids(reader, template);
        var names = grids.GroupBy(g => g.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);
        foreach (var duplicate in names) reader.Error("grids", $"grid name '{duplicate}' is used more than once");
        CheckShorthand(reader, template, grids);
        CheckCombinations(reader, grids);

        reader.OnlyKeys("ensemble", "familyAlpha");
        var alpha = reader.Double("ensemble:familyAlpha", 0.01, a => a > 0 && a < 1, "a number in (0, 1)");
        // Relative to the experiment's folder, so a folder that brings its own data works from anywhere.
        var dataDirectory = reader.String("data:directory") is { } directory
            ? Path.GetFullPath(directory, Path.GetDirectoryName(path)!) : null;

        var experiment = new Experiment(name, reader.String("title") ?? name, reader.String("source") ?? "",
            dataClass?.FullName ?? dataset.ToLowerInvariant(),
            numerics ?? NumericsProfile.Default, grids, alpha, dataDirectory, path, new FigureLayout(null, null, null));
        // The layout may name only declared axes, which the experiment derives from its grids.
        return experiment with
        {
            Figures = ReadFigures(reader, experiment.Axes), Explicit = reader.String("explicit"), DataClass = dataClass,
        };
    }

    /// <summary>The settings every grid starts from: the built-in defaults (the tutorial's), overridden by <c>"run"</c>.</summary>
    private static RunConfig ReadRunSettings(ConfigReader reader, RunConfig config)
    {
        foreach (var key in reader.ChildKeys("run"))
        {
            var setting = RunSettings.Find(key);
            if (OfUnknownModelClass(setting) && UnknownModelClass(reader, config)) continue;
            if (setting is null || !setting.IsAxis)
            {
                reader.Error($"run:{key}", setting is null
                    ? $"unknown run setting; expected one of: {string.Join(", ", RunSettings.Axes.Select(s => s.Name))}" +
                      ModelClassNote(config, key)
                    : "seeds are given per grid, as \"seeds\": { \"first\": 1, \"count\": 10 }");
                continue;
            }
            if (reader.Setting($"run:{key}", setting) is { } value) config = setting.Set(config, value);
        }
        return config;
    }

    private static List<GridSpec> ReadGrids(ConfigReader reader, RunConfig template)
    {
        var grids = new List<GridSpec>();
        if (!reader.Has("grids"))
        {
            reader.Error("grids", "missing; at least one grid is required");
            return grids;
        }
        reader.Array("grids", p => p);
        foreach (var index in reader.Indices("grids"))
        {
            var path = $"grids:{index}";
            reader.OnlyKeys(path, "name", "description", "axes", "seeds");
            reader.OnlyKeys($"{path}:seeds", "first", "count");
            var gridName = reader.String($"{path}:name", required: true) ?? "";
            if (gridName.Length > 0 && !FileSafe().IsMatch(gridName)) reader.Error($"{path}:name",
                $"expected a file-safe name, found '{gridName}'");
            var axes = new List<Axis>();
            foreach (var key in reader.ChildKeys($"{path}:axes"))
            {
                var axisPath = $"{path}:axes:{key}";
                var setting = RunSettings.Find(key);
                if (OfUnknownModelClass(setting) && UnknownModelClass(reader, template)) continue;
                if (setting is null || !setting.IsAxis)
                {
                    reader.Error(axisPath, setting is null
                        ? $"unknown axis; a grid can vary any run setting: {string.Join(", ", RunSettings.Axes.Select(s => s.Name))}, " +
                          $"or a layer's value as <layer>.<key> ({string.Join(", ", Settings.Layers.LayerKeys.All.Select(k => k.Name))})" +
                          ModelClassNote(template, key)
                        : "the seed is not an axis; give seeds as \"seeds\": { \"first\": 1, \"count\": 10 }");
                    continue;
                }
                var values = reader.Array(axisPath, p => reader.Setting(p, setting)).OfType<object>().ToList();
                foreach (var duplicate in values.GroupBy(RunSetting.Format).Where(g => g.Count() > 1))
                    reader.Error(axisPath, $"value {duplicate.Key} is listed more than once");
                axes.Add(new Axis(setting, values));
            }
            var (first, count) = (reader.Int($"{path}:seeds:first", 1, 0), reader.Int($"{path}:seeds:count", 1, 1, GridSpec.MaxSeeds));
            // Seeds are ints: the last one, first + count - 1, must be one too.
            if ((long)first + count - 1 > int.MaxValue)
                reader.Error($"{path}:seeds",
                    $"seeds {first} to {(long)first + count - 1} go past the largest seed, {int.MaxValue}; expected first " +
                    $"+ count - 1 <= {int.MaxValue}");
            grids.Add(new GridSpec(gridName, reader.String($"{path}:description") ?? "", axes, first, count, template));
        }
        return grids;
    }

    /// <summary>
    /// A model given as a layer list leaves the MLP settings nothing to describe: setting one is an error at the key that set it,
    /// never a value silently ignored.
    /// </summary>
    private static void CheckShorthand(ConfigReader reader, RunConfig template, List<GridSpec> grids)
    {
        if (template.IsMlp) return;
        var keys = reader.ChildKeys("run").Select(k => (Key: $"run:{k}", Name: k))
            .Concat(grids.SelectMany((g, i) => g.Axes.Select(a => (Key: $"grids:{i}:axes:{a.Setting.Name}", a.Setting.Name))));
        foreach (var (key, name) in keys)
            if (RunSettings.MlpShorthand.Any(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
                reader.Error(key, template.ModelClass is { } model
                    ? $"the experiment's \"model\" is the C# class {model.ClassName}, so the MLP shorthand's {name} does not apply; " +
                      "vary a setting the class declares instead " +
                      $"({(model.Values.Count == 0 ? "it declares none" : string.Join(", ", model.Values.Keys))})"
                    : $"the experiment gives its \"model\" as a layer list, so the MLP shorthand's {name} does not " +
                    "apply; vary a layer's value instead, named <layer>.<key> (e.g. dense_1.units, dropout_1.rate)");
    }

    /// <summary>
    /// Settings that are valid one by one but not together (a hyperparameter the run's optimizer does not use): each
    /// reported once, at the key that set it, <c>grids:i:axes:name</c> when a grid varies it, else <c>run:name</c>.
    /// </summary>
    private static void CheckCombinations(ConfigReader reader, List<GridSpec> grids)
    {
        var reported = new HashSet<string>();
        foreach (var (grid, index) in grids.Select((g, i) => (g, i)))
            foreach (var config in grid.Combinations())
                foreach (var error in config.Validate())
                {
                    var setting = error[..error.IndexOf(':')];
                    var key = grid.Axes.Any(a => a.Setting.Name == setting) ? $"grids:{index}:axes:{setting}" : $"run:{setting}";
                    if (reported.Add(key + error)) reader.Error(key, error[(error.IndexOf(':') + 2)..]);
                }
    }

    private static FigureLayout ReadFigures(ConfigReader reader, IReadOnlyList<RunSetting> axes)
    {
        reader.OnlyKeys("figures", "files", "columns", "lines");
        RunSetting? Axis(string key)
        {
            var text = reader.String($"figures:{key}");
            if (text is null) return null;
            var axis = axes.FirstOrDefault(a => a.Name.Equals(text, StringComparison.OrdinalIgnoreCase));
            if (axis is null) reader.Error($"figures:{key}",
                $"expected a declared axis ({string.Join(", ", axes.Select(a => a.Name))}), found '{text}'");
            return axis;
        }
        var layout = new FigureLayout(Axis("files"), Axis("columns"), Axis("lines") ?? axes.FirstOrDefault());
        var used = new[] { layout.Files, layout.Columns, reader.Has("figures:lines") ? layout.Lines : null }.OfType<RunSetting>().ToList();
        if (used.Distinct().Count() != used.Count) reader.Error("figures", "files, columns and lines must name different axes");
        return layout;
    }

    /// <summary>
    /// A key that may be a setting of a model class named but not found: one no setting has, or a model's (or layer's) value,
    /// which another class loaded in this process may have declared. Either way the class's own error says it all, so the key
    /// is not an error of its own, whatever else this process has loaded.
    /// </summary>
    private static bool OfUnknownModelClass(RunSetting? setting) => setting is null || RunSettings.IsValue(setting);

    /// <summary>The experiment names a model class that could not be used (already an error at model:class): its settings are
    /// unknown.</summary>
    private static bool UnknownModelClass(ConfigReader reader, RunConfig template) =>
        ClassModelReader.Names(reader) && template.ModelClass is null;

    /// <summary>For an unknown setting in an experiment whose model is a C# class: "; …declares no setting 'x'; it declares
    /// …".</summary>
    private static string ModelClassNote(RunConfig template, string key) => template.ModelClass is { } model
        ? "; " + ClassModelReader.Undeclared(key, model.Type, model.Values.Keys) : "";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex FileSafe();
}

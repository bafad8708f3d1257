using System.Collections;
using System.Text.RegularExpressions;
using Harness.Native;
using Microsoft.Extensions.Configuration;

namespace Harness.Config;

/// <summary>
/// Reads an experiment definition: <c>experiments/&lt;name&gt;/experiment.json</c> beside the program, then
/// environment variables <c>HARNESS__&lt;key&gt;</c> (<c>__</c> separates levels, e.g.
/// <c>HARNESS__grids__0__seeds__count=3</c>), then command-line overrides (<c>--set key=value</c>), each
/// overriding the one before. Everything is validated before anything runs, and every error is reported at once.
/// </summary>
public static partial class ExperimentLoader
{
    public const string EnvironmentPrefix = "HARNESS__";
    public const string DefaultExperiment = "keras-tutorial-05";

    public static string ExperimentsDirectory => Path.Combine(AppContext.BaseDirectory, "experiments");

    public static string DefinitionPath(string name) => Path.Combine(ExperimentsDirectory, name, "experiment.json");

    public static Experiment Load(string name, IReadOnlyDictionary<string, string?>? overrides = null, IDictionary? environment = null)
    {
        var path = DefinitionPath(name);
        if (!File.Exists(path))
        {
            var known = Directory.Exists(ExperimentsDirectory)
                ? Directory.GetDirectories(ExperimentsDirectory).Select(d => Path.GetFileName(d)).Order().ToList()
                : [];
            throw new ConfigurationException([$"experiment '{name}': no definition at {path}; known experiments: {string.Join(", ", known)}"]);
        }
        return LoadFile(path, overrides, environment);
    }

    public static Experiment LoadFile(string path, IReadOnlyDictionary<string, string?>? overrides = null, IDictionary? environment = null)
    {
        var full = Path.GetFullPath(path);
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
            throw new ConfigurationException([$"{full}: not valid JSON: {(e.InnerException ?? e).Message}"]);
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

    private static Dictionary<string, string?> EnvironmentOverrides(IDictionary environment)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in environment)
            if (entry.Key is string key && key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
                values[key[EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal)] = entry.Value as string;
        return values;
    }

    private static Experiment Read(ConfigReader reader, string path)
    {
        reader.OnlyKeys("", "name", "title", "source", "dataset", "numerics", "run", "grids", "ensemble", "data");
        var name = reader.String("name", required: true) ?? "";
        if (name.Length > 0 && !FileSafe().IsMatch(name)) reader.Error("name", $"expected a file-safe name (letters, digits, '-', '_', '.'), found '{name}'");
        var dataset = reader.String("dataset") ?? "mnist";
        if (!dataset.Equals("mnist", StringComparison.OrdinalIgnoreCase)) reader.Error("dataset", $"expected 'mnist' (the only dataset with a known source), found '{dataset}'");

        var numericsName = reader.String("numerics") ?? NumericsProfile.Default.Name;
        var numerics = NumericsProfile.Find(numericsName);
        if (numerics is null) reader.Error("numerics", $"expected {NumericsProfile.Names}, found '{numericsName}'");

        var template = ReadRunSettings(reader);
        var grids = ReadGrids(reader, template);
        var names = grids.GroupBy(g => g.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);
        foreach (var duplicate in names) reader.Error("grids", $"grid name '{duplicate}' is used more than once");

        reader.OnlyKeys("ensemble", "familyAlpha");
        var alpha = reader.Double("ensemble:familyAlpha", 0.01, a => a > 0 && a < 1, "a number in (0, 1)");
        reader.OnlyKeys("data", "directory");
        var dataDirectory = reader.String("data:directory");

        return new Experiment(name, reader.String("title") ?? name, reader.String("source") ?? "", dataset.ToLowerInvariant(),
            numerics ?? NumericsProfile.Default, grids, alpha, dataDirectory, path);
    }

    private static RunConfig ReadRunSettings(ConfigReader reader)
    {
        reader.OnlyKeys("run", "nValidation", "epochs", "batchSize", "width", "learningRate", "semantics");
        var defaults = new RunConfig();
        var semanticsText = reader.String("run:semantics") ?? "keras";
        if (!Enum.TryParse<Semantics>(semanticsText, ignoreCase: true, out var semantics) || int.TryParse(semanticsText, out _))
            reader.Error("run:semantics", $"expected keras or pytorch, found '{semanticsText}'");
        return defaults with
        {
            NValidation = reader.Int("run:nValidation", defaults.NValidation, 1, MnistSize.Test),
            Epochs = reader.Int("run:epochs", defaults.Epochs, 1),
            BatchSize = reader.Int("run:batchSize", defaults.BatchSize, 1),
            Width = reader.Int("run:width", defaults.Width, 1),
            LearningRate = reader.Double("run:learningRate", defaults.LearningRate, v => v > 0, "a number > 0"),
            Semantics = semantics,
        };
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
            reader.OnlyKeys(path, "name", "description", "layers", "dropout", "nTrain", "seeds");
            reader.OnlyKeys($"{path}:seeds", "first", "count");
            var gridName = reader.String($"{path}:name", required: true) ?? "";
            if (gridName.Length > 0 && !FileSafe().IsMatch(gridName)) reader.Error($"{path}:name", $"expected a file-safe name, found '{gridName}'");
            grids.Add(new GridSpec(
                gridName,
                reader.String($"{path}:description") ?? "",
                reader.Array($"{path}:layers", p => reader.Int(p, 1, 1, 1000)),
                reader.Array($"{path}:dropout", p => reader.Double(p, 0, v => v >= 0 && v < 1, "a number in [0, 1)")),
                reader.Array($"{path}:nTrain", p => reader.Int(p, 1, 1, MnistSize.Train)),
                reader.Int($"{path}:seeds:first", 1, 0),
                reader.Int($"{path}:seeds:count", 1, 1, 10000),
                template));
        }
        return grids;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex FileSafe();
}

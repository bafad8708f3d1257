using System.Text.Json;
using Harness.History;
using Harness.IO;
using Harness.Native;

namespace Harness.Baselines;

/// <summary>
/// The statistical tier's baseline (<c>ensemble.verified.json</c>): per configuration, each summary statistic over
/// the seeds, plus the comparable part of the environment it was recorded in and the test that compares against it.
/// </summary>
internal sealed record EnsembleBaseline(string Experiment, ComparableFingerprint Fingerprint, IReadOnlyList<EnsembleEntry> Configurations)
{
    public EnsembleEntry? Find(string configurationId) => Configurations.FirstOrDefault(c => c.ConfigurationId == configurationId);

    /// <summary>This baseline with <paramref name="entries"/> replacing or adding configurations, in <paramref name="order"/>.</summary>
    public EnsembleBaseline With(IEnumerable<EnsembleEntry> entries, ComparableFingerprint fingerprint, IReadOnlyList<string> order)
    {
        var merged = Configurations.ToDictionary(c => c.ConfigurationId);
        foreach (var entry in entries) merged[entry.ConfigurationId] = entry;
        var rank = order.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var ordered = merged.Values.OrderBy(e => rank.GetValueOrDefault(e.ConfigurationId, int.MaxValue))
            .ThenBy(e => e.ConfigurationId, StringComparer.Ordinal).ToList();
        return this with { Fingerprint = fingerprint, Configurations = ordered };
    }

    public string Serialize() => DeterministicJson.Write(json =>
    {
        {
            json.WriteStartObject();
            json.WriteString("experiment", Experiment);
            json.WriteString("test", EnsembleTier.TestDescription);
            json.WritePropertyName("fingerprint");
            RunResultJson.WriteFingerprint(json, Fingerprint.Fields);
            json.WriteStartArray("configurations");
            foreach (var entry in Configurations)
            {
                json.WriteStartObject();
                json.WriteString("id", entry.ConfigurationId);
                json.WriteStartArray("seeds");
                foreach (var seed in entry.Seeds) json.WriteNumberValue(seed);
                json.WriteEndArray();
                foreach (var name in RunSummary.Names)
                {
                    json.WriteStartArray(name);
                    foreach (var value in entry.Statistics[name]) json.WriteNumberValue(value);
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
    });

    public static EnsembleBaseline Read(string path)
    {
        var document = BaselineJson.Parse(path);
        using (document)
        {
            var root = document.RootElement;
            var experiment = root.TryGetProperty("experiment", out var x) && x.ValueKind == JsonValueKind.String
                ? x.GetString()! : throw new BaselineFormatException(path, "missing string 'experiment'");
            var fingerprint = root.TryGetProperty("fingerprint", out var f)
                ? FingerprintJson.Read(f, path) : throw new BaselineFormatException(path, "missing 'fingerprint'");
            if (!root.TryGetProperty("configurations", out var configurations) || configurations.ValueKind != JsonValueKind.Array)
                throw new BaselineFormatException(path, "missing array 'configurations'");
            return new EnsembleBaseline(experiment, fingerprint,
                configurations.EnumerateArray().Select((c, i) => ReadEntry(c, i, path)).ToList());
        }
    }

    private static EnsembleEntry ReadEntry(JsonElement element, int index, string path)
    {
        var where = $"configurations[{index}]";
        var id = element.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String
            ? i.GetString()! : throw new BaselineFormatException(path, $"{where} is missing string 'id'");
        List<double> Numbers(string name) =>
            element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
                ? array.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble()
                    : throw new BaselineFormatException(path, $"{where} ({id}).{name} holds {v.ValueKind}, expected numbers")).ToList()
                : throw new BaselineFormatException(path, $"{where} ({id}) is missing array '{name}'");
        var seeds = Numbers("seeds").Select(s => (int)s).ToList();
        var statistics = RunSummary.Names.ToDictionary(n => n, n => (IReadOnlyList<double>)Numbers(n));
        foreach (var (name, values) in statistics)
            if (values.Count != seeds.Count)
                throw new BaselineFormatException(path, $"{where} ({id}).{name} has {values.Count} values for {seeds.Count} seeds");
        return new EnsembleEntry(id, seeds, statistics);
    }
}

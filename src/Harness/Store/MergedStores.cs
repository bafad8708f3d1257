using System.Text.Json;
using Harness.Config;
using Harness.Settings;
using Harness.History;
using Harness.Training;
using Harness.Runs;

namespace Harness.Store;

/// <summary>
/// <c>reproduce --from DIR …</c>: several run stores (e.g. one per shard job) read as one, for evaluating an experiment
/// without training. Every run must be found, under this process's key, in at least one store; a run that is missing,
/// stored twice with different bits, or stored only under another key (other code, data, runtime or numerics: an
/// incomparable environment), or whose entry is unusable (not a regular file of sane size, not a whole entry, or a result that
/// is not the run of its key: <see cref="RunStore.Read(RunKey, RunConfig)"/>, the run store's own check) is named in one
/// error, with the file, never silently dropped or trained.
/// </summary>
internal sealed class MergedStores : IRunCache
{
    private readonly Dictionary<string, (RunResult Result, string Path)> _results;

    private MergedStores(Dictionary<string, (RunResult, string)> results) => _results = results;

    public static MergedStores Open(IReadOnlyList<RunStore> stores, IReadOnlyList<RunConfig> runs, KeyContext context)
    {
        var problems = new List<string>();
        var results = new Dictionary<string, (RunResult, string)>();
        Dictionary<string, List<(string Path, string Inputs)>>? byRunId = null; // built only when something is missing
        foreach (var run in runs)
        {
            var key = RunKey.For(run, context);
            var found = new List<(string Path, RunResult Result)>();
            var unusable = false;
            foreach (var store in stores)
            {
                var (result, problem) = store.Read(key, run);
                if (problem is not null) problems.Add($"{run.RunId}: {problem}");
                if (result is not null) found.Add((store.PathOf(key.Hash), result));
                unusable |= problem is not null;
            }
            if (found.Count == 0)
            {
                if (unusable) continue; // named above, with its file
                byRunId ??= IndexByRunId(stores);
                problems.Add(byRunId.TryGetValue(run.RunId, out var others)
                    ? $"{run.RunId}: stored only from an incomparable environment: " +
                        string.Join("; ", others.Select(o => $"{o.Path} differs in {Differences(key.Inputs, o.Inputs)}"))
                    : $"{run.RunId}: missing from every store ({string.Join(", ", stores.Select(s => s.Root))})");
                continue;
            }
            var first = found[0];
            foreach (var other in found.Skip(1).Where(o => !o.Result.History.SameAs(first.Result.History)))
                problems.Add($"{run.RunId}: stored with different bits in {first.Path} and {other.Path}");
            results[run.RunId] = (first.Result, first.Path);
        }
        return problems.Count == 0 ? new MergedStores(results)
            : throw new ConfigurationException([.. problems.Select(p => $"--from: {p}")]);
    }

    public RunResult? Find(RunConfig config) => _results.GetValueOrDefault(config.RunId).Result;

    /// <summary>Nothing trains from merged stores (the pool asks only when it may train).</summary>
    public IRunReservation? Reserve(RunConfig config) =>
        throw new InvalidOperationException($"{config.RunId}: merged stores are read, never trained into.");

    /// <summary>Nothing trains from merged stores, so nothing is kept.</summary>
    public void Keep(RunResult result) { }

    public int Count => _results.Count;

    /// <summary>Every result, in run-id order: all were read from the stores (what <c>--verify</c> draws from).</summary>
    public IReadOnlyList<RunResult> Reused => [.. _results.Values.Select(r => r.Result).OrderBy(r => r.RunId, StringComparer.Ordinal)];

    /// <summary>The entry a run's result was read from (the first store's, when several hold the same bits).</summary>
    public string PathOf(RunConfig config) => _results[config.RunId].Path;

    private static Dictionary<string, List<(string Path, string Inputs)>> IndexByRunId(IReadOnlyList<RunStore> stores)
    {
        var index = new Dictionary<string, List<(string, string)>>();
        foreach (var path in stores.SelectMany(s => s.EntryPaths()))
        {
            if (EntryFile.Read(path).Text is not { } text) continue; // not read: named where its key is looked up
            try
            {
                using var document = JsonDocument.Parse(text);
                var runId = RunResultJson.Read(document.RootElement.GetProperty("result"), fields => fields, where: "result").RunId;
                var inputs = document.RootElement.GetProperty("inputs").GetRawText();
                if (!index.TryGetValue(runId, out var list)) index[runId] = list = [];
                list.Add((path, inputs));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or InvalidDataException)
            {
                // An unreadable file is reported where its key is looked up; here it simply names no run.
            }
        }
        return index;
    }

    /// <summary>The key inputs that differ, by name (code, runtime, a fingerprint field, a data file): why two keys differ.</summary>
    private static string Differences(string ours, string theirs)
    {
        using var a = JsonDocument.Parse(ours);
        using var b = JsonDocument.Parse(theirs);
        var names = new List<string>();
        foreach (var property in a.RootElement.EnumerateObject())
        {
            if (!b.RootElement.TryGetProperty(property.Name, out var other)) { names.Add(property.Name); continue; }
            if (property.Value.ValueKind == JsonValueKind.Object)
                names.AddRange(property.Value.EnumerateObject()
                    .Where(p => !other.TryGetProperty(p.Name, out var o) || o.GetRawText() != p.Value.GetRawText())
                    .Select(p => $"{property.Name}.{p.Name} (here {p.Value.GetRawText()}, there " +
                        $"{(other.TryGetProperty(p.Name, out var o) ? o.GetRawText() : "none")})"));
            else if (property.Value.GetRawText() != other.GetRawText())
                names.Add($"{property.Name} (here {property.Value.GetRawText()}, there {other.GetRawText()})");
        }
        return names.Count == 0 ? "nothing visible (the entry's key does not match its inputs)" : string.Join(", ", names);
    }
}

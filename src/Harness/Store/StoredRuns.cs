using System.Collections.Concurrent;
using Harness.Config.Settings;
using Harness.Data;
using Harness.History;
using Harness.Training;

namespace Harness.Store;

/// <summary>
/// The run store as the run pool sees it: runs looked up and kept under their key in this process's <see cref="KeyContext"/>.
/// An unreadable entry is a warning and a retrain (whose result replaces it), never a crash; a failure to write one is a
/// warning too, since the run itself succeeded.
/// </summary>
public sealed class StoredRuns(RunStore store, KeyContext context, TextWriter warnings) : IRunCache
{
    private readonly ConcurrentDictionary<string, RunResult> _reused = new();

    public StoredRuns(RunStore store, ImageDataset dataset, TextWriter warnings) : this(store, KeyContext.Current(dataset), warnings) { }

    public RunStore Store { get; } = store;

    public KeyContext Context { get; } = context;

    /// <summary>The results read from the store in this process, by run id (what <c>--verify</c> draws from).</summary>
    public IReadOnlyList<RunResult> Reused => [.. _reused.Values.OrderBy(r => r.RunId, StringComparer.Ordinal)];

    /// <summary>Whether this process's result of the run was read from the store rather than trained.</summary>
    public bool WasReused(string runId) => _reused.ContainsKey(runId);

    public RunKey KeyOf(RunConfig config) => RunKey.For(config, Context);

    public RunResult? Find(RunConfig config)
    {
        var key = KeyOf(config);
        var (entry, problem) = Store.Read(key.Hash);
        if (problem is not null) Warn($"{problem}; training {config.RunId} again");
        if (entry is null) return null;
        if (entry.RunId != config.RunId || entry.History.Epochs != config.Epochs)
        {
            Warn($"{Store.PathOf(key.Hash)}: holds run {entry.RunId} with {entry.History.Epochs} epochs under the key of {config.RunId} " +
                 $"({config.Epochs} epochs); training it again");
            return null;
        }
        var result = entry.ToResult(config);
        _reused[config.RunId] = result;
        return result;
    }

    public void Keep(RunResult result)
    {
        try
        {
            Store.Write(KeyOf(result.Config), result);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Warn($"run {result.RunId} was not stored in {Store.Root}: {e.Message}");
        }
    }

    private void Warn(string message)
    {
        lock (warnings) warnings.WriteLine($"warning: run store: {message}");
    }
}

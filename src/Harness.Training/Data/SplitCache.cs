using System.Collections.Concurrent;
using Harness.Settings;

namespace Harness.Data;

/// <summary>The float32 first-n subsets runs train on, made once per (n-train, n-validation) and shared: runs never modify them.</summary>
internal sealed class SplitCache(IDataset dataset)
{
    private readonly ConcurrentDictionary<(int, int), Lazy<DataSplit>> _splits = new();

    public IDataset Dataset { get; } = dataset;

    public DataSplit For(RunConfig config) =>
        _splits.GetOrAdd((config.NTrain, config.NValidation),
            key => new Lazy<DataSplit>(() => Dataset.FirstN(key.Item1, key.Item2))).Value;
}

using Harness.Settings;

namespace Harness.Data;

/// <summary>An experiment's data as runs read it: MNIST's files (<see cref="ImageDataset"/>) or a C# data source
/// (<see cref="SourcedDataset"/>).</summary>
internal interface IDataset
{
    /// <summary>The shape of one sample and the classes: what a network is built for.</summary>
    DataShape Shape { get; }

    /// <summary>The content's SHA-256 by name (each file's, or the data source's): part of a stored run's key.</summary>
    IReadOnlyDictionary<string, string> Sha256 { get; }

    /// <summary>The first <paramref name="trainCount"/> training and first <paramref name="validationCount"/> validation samples.</summary>
    DataSplit FirstN(int trainCount, int validationCount);

    /// <summary>What the runs need and the data does not give, one line each, naming the key: too few samples, a model that
    /// does not fit the samples' shape.</summary>
    IReadOnlyList<string> Problems(IEnumerable<RunConfig> runs);
}

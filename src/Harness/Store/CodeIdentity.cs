using System.Reflection;

namespace Harness.Store;

/// <summary>
/// The identity of the code that trains: a SHA-256 over the training library's sources, which decide a run's bits, computed
/// when that library was built (src/Harness.Training/CodeIdentity.targets says which sources, and why that set is enough)
/// and read back from it here. Built into the assembly because an installed .NET tool has no sources to hash.
/// </summary>
internal static class CodeIdentity
{
    public const string MetadataKey = "HarnessTrainingCode";

    public static string Current { get; } =
        typeof(Harness.Training.Trainer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == MetadataKey)?.Value
        is { Length: 64 } hash ? hash
        : throw new InvalidOperationException($"This build of harness lacks its {MetadataKey} assembly metadata " +
            "(CodeIdentity.targets did not run).");
}

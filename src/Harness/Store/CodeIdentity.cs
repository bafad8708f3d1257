using System.Reflection;

namespace Harness.Store;

/// <summary>
/// The identity of the code that trains: a SHA-256 over the sources that decide a run's bits, computed when this assembly
/// was built (CodeIdentity.targets says which sources, and why that set is enough) and read back here. Built into the
/// assembly because an installed .NET tool has no sources to hash.
/// </summary>
public static class CodeIdentity
{
    public const string MetadataKey = "HarnessTrainingCode";

    public static string Current { get; } =
        typeof(CodeIdentity).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == MetadataKey)?.Value
        is { Length: 64 } hash ? hash
        : throw new InvalidOperationException($"This build of harness lacks its {MetadataKey} assembly metadata " +
            "(CodeIdentity.targets did not run).");
}

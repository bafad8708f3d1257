using System.Runtime.CompilerServices;
using System.Text;

namespace Harness.Tests.Unit;

/// <summary>
/// Verify's conventions without Verify (not in the registry here): the expected text is committed beside the test as
/// <c>&lt;Type&gt;.&lt;name&gt;.verified.&lt;ext&gt;</c>; a mismatch or a missing file writes
/// <c>.received.&lt;ext&gt;</c> beside it and fails.
/// Accept by renaming received to verified after reading the difference.
/// </summary>
internal static class Snapshot
{
    public static void Verify(string actual, string name, string extension, [CallerFilePath] string testFile = "")
    {
        var directory = Path.GetDirectoryName(SourcePath(testFile))!;
        var stem = Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(testFile)}.{name}");
        var verified = $"{stem}.verified.{extension}";
        var received = $"{stem}.received.{extension}";

        if (File.Exists(verified) && File.ReadAllText(verified) == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual, new UTF8Encoding(false));
        Assert.Fail(File.Exists(verified)
            ? $"{verified} differs from the output; wrote {received}. Compare them; if the change is intended, rename received to verified."
            : $"No {verified} yet; wrote {received}. Review it, then rename it to verified.");
    }

    /// <summary>
    /// CI builds (ContinuousIntegrationBuild, set when CI=true) map source paths to "/_/" for deterministic binaries, so
    /// CallerFilePath no longer names a real file there; map it back onto the repository found above the test binaries.
    /// </summary>
    private static string SourcePath(string compiledPath)
    {
        const string mapped = "/_/";
        if (!compiledPath.StartsWith(mapped, StringComparison.Ordinal)) return compiledPath;
        var root = Harness.Config.ExperimentFiles.Repository.Root();
        return Path.Combine(root, compiledPath[mapped.Length..]);
    }
}

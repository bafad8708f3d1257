using System.Text.RegularExpressions;
using Harness.Store;

namespace Harness.Tests.Unit.Store;

/// <summary>
/// The code identity is safe only if the sources it hashes hold everything a training reaches: every folder in
/// CodeIdentity.targets may name (by <c>using</c> or by a qualified name) only folders in that same list.
/// </summary>
public sealed partial class CodeIdentityTests
{
    private static readonly string Source =
        Path.Combine(Path.GetDirectoryName(Harness.Baselines.RepositoryLayout.BaselinesRoot())!, "src", "Harness");

    [GeneratedRegex(@"\)(\w+)/\*\*/\*\.cs")]
    private static partial Regex HashedFolder();

    [GeneratedRegex(@"\bHarness\.(\w+)")]
    private static partial Regex HarnessNamespace();

    private static IReadOnlyList<string> HashedFolders() =>
        [.. HashedFolder().Matches(File.ReadAllText(Path.Combine(Source, "CodeIdentity.targets"))).Select(m => m.Groups[1].Value)];

    [Test]
    public void This_build_carries_its_identity()
    {
        Assert.That(CodeIdentity.Current, Does.Match("^[0-9a-f]{64}$"));
    }

    [Test]
    public void Covers_the_trainer_and_everything_the_hashed_folders_use()
    {
        var hashed = HashedFolders();
        Assert.That(hashed, Does.Contain("Training").And.Contain("Model").And.Contain("Data").And.Contain("Native").And.Contain("Config"));
        var outside = new List<string>();
        foreach (var folder in hashed)
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Source, folder), "*.cs", SearchOption.AllDirectories))
                foreach (var used in HarnessNamespace().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).Distinct())
                    if (!hashed.Contains(used) && Directory.Exists(Path.Combine(Source, used)))
                        outside.Add($"{Path.GetRelativePath(Source, file)} uses Harness.{used}");
        Assert.That(outside, Is.Empty, "a hashed folder uses an unhashed one: add it to CodeIdentity.targets (and README's \"Run store\")");
    }
}

using System.Text.RegularExpressions;
using Harness.Native;

namespace Harness.Tests.Unit.Native;

/// <summary>
/// The real program building its shims from scratch: <c>harness run</c> with a fresh <c>HARNESS_NATIVE_CACHE</c>, so that
/// nothing cached stands in for the build (this machine's libstdc++ lacks GLIBCXX_3.4.32, so every run needs a shim).
/// </summary>
public sealed partial class NativeShimProcessTests
{
    private IdxFixtures _files = null!;

    [SetUp]
    public void CreateData()
    {
        _files = new IdxFixtures();
        _files.WriteDataset(train: 12, test: 6);
    }

    [TearDown] public void DeleteData() => _files.Dispose();

    private string Cache => Path.Combine(_files.Directory, "native-cache");
    private string Out => Path.Combine(_files.Directory, "out");

    private (int ExitCode, string Output) Run(Dictionary<string, string?> environment, IReadOnlyList<string> under)
    {
        environment[NativeCache.Variable] = Cache;
        return HarnessProcess.Run(environment, under,
            ["run", "--data-dir", _files.Directory, "--out", Out, "--n-train", "12", "--n-validation", "6", "--layers", "1",
                "--width", "4", "--epochs", "1"]);
    }

    [Test]
    public void Without_gxx_on_path_exits_2_naming_gxx_and_its_install_command()
    {
        var emptyPath = Path.Combine(_files.Directory, "empty-path");
        Directory.CreateDirectory(emptyPath);

        // Named by path (the emulator slot), so the child finds dotnet although its PATH holds nothing.
        var (exitCode, output) = Run(new() { ["PATH"] = emptyPath }, ["env"]);

        Assert.That(exitCode, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain("error: ").And.Contain("g++").And.Contain("apt-get install g++"));
        Assert.That(output, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public void Builds_in_a_private_directory_and_the_cache_only()
    {
        if (HarnessProcess.FindOnPath("strace") is null)
            NotRun.Because("strace is not installed, so the shim build cannot be traced", "apt-get install strace (ci/strace.sh does)");
        var trace = Path.Combine(_files.Directory, "strace.log");

        // Diagnostics off: the runtime's debugger pipes and IPC socket in /tmp are not the build's.
        var (exitCode, output) = Run(new() { ["DOTNET_EnableDiagnostics"] = "0" },
            ["strace", "-f", "-o", trace, "-e",
                "trace=open,openat,creat,mkdir,mkdirat,rename,renameat,renameat2,link,linkat,symlink,symlinkat"]);
        Assert.That(exitCode, Is.Zero, output);

        var created = Created(File.ReadLines(trace)).ToList();
        var privateDirectories =
            created.Where(c => c.Call == "mkdir"
                && c.Path.StartsWith(Path.Combine(Path.GetTempPath(), "harness-native-"), StringComparison.Ordinal)).ToList();
        Assert.That(privateDirectories, Is.Not.Empty, "the shims were built in this run");
        Assert.That(privateDirectories.Select(d => d.Mode), Has.All.EqualTo("0700"));
        Assert.That(privateDirectories.Select(d => Directory.Exists(d.Path)), Has.All.False, "removed after the build");

        string[] allowed = [.. privateDirectories.Select(d => d.Path + "/"), Cache + "/", Out + "/"];
        var elsewhere =
            created.Where(c => c.Path != Cache && c.Path != Out && !privateDirectories.Contains(c) && !allowed.Any(c.Path.StartsWith))
                .ToList();
        Assert.That(elsewhere, Is.Empty,
            "every file or directory the run created is in a private build directory, the cache or the output");
        Assert.That(HashedFile.IsIntact(Directory.GetFiles(Cache, "libharness-glibcxx-shim.*.so").Single()), Is.True);
    }

    private sealed record Creation(string Call, string Path, string Mode);

    /// <summary>Every successful (or unfinished: conservatively kept) call that creates a name, with the name it creates.</summary>
    private static IEnumerable<Creation> Created(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            if (line.Contains("= -1 ")) continue;
            var match = CreatingCall().Match(line);
            if (!match.Success) continue;
            var call = match.Groups["call"].Value;
            if (call.StartsWith("open") && !line.Contains("O_CREAT")) continue;
            var paths = QuotedPath().Matches(line).Select(m => m.Groups[1].Value).ToList();
            // rename and link create their second name; the rest their only one.
            var path = call.StartsWith("rename") || call.StartsWith("link") || call.StartsWith("symlink") ? paths[^1] : paths[0];
            yield return new Creation(call == "mkdirat" ? "mkdir" : call, path,
                MkdirMode().Match(line) is { Success: true } mode ? mode.Groups[1].Value : "");
        }
    }

    [GeneratedRegex(@"^\d+\s+(?<call>open|openat|creat|mkdir|mkdirat|rename|renameat2?|link|linkat|symlink|symlinkat)\(")]
    private static partial Regex CreatingCall();

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex QuotedPath();

    [GeneratedRegex(@""", (0\d{3})\) = ")]
    private static partial Regex MkdirMode();
}

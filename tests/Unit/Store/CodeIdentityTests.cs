using System.Diagnostics;
using Harness.Store;

namespace Harness.Tests.Unit.Store;

/// <summary>
/// The run store's code identity is the training library's sources (src/Harness.Training/CodeIdentity.targets), and nothing
/// else: in a copy of the sources, MSBuild's own hashing target gives this build's identity, keeps it when a class of the
/// harness outside that library moves, and changes it when the trainer's source does.
/// </summary>
public sealed class CodeIdentityTests
{
    private static readonly string Root = Harness.Config.ExperimentFiles.Repository.Root();

    [Test]
    public void This_build_carries_its_identity()
    {
        Assert.That(CodeIdentity.Current, Does.Match("^[0-9a-f]{64}$"));
    }

    [Test]
    public void Moving_a_class_outside_the_training_library_keeps_every_key_and_editing_the_trainer_changes_them()
    {
        var copy = TestScratch.Path("harness-identity");
        try
        {
            CopySources(copy);
            Assert.That(Identity(copy), Is.EqualTo(CodeIdentity.Current), "the copy hashes as this build did");

            // A report class moved to a folder of its own, and renamed: the harness changed, the training did not.
            var report = Path.Combine(copy, "src", "Harness", "Report");
            Directory.CreateDirectory(Path.Combine(report, "Tables"));
            File.Move(Path.Combine(report, "HistoriesCsv.cs"), Path.Combine(report, "Tables", "TidyHistories.cs"));
            Assert.That(Identity(copy), Is.EqualTo(CodeIdentity.Current), "a change outside the training library keeps every key");

            File.AppendAllText(Path.Combine(copy, "src", "Harness.Training", "Training", "Trainer.cs"), "// an edit\n");
            Assert.That(Identity(copy), Is.Not.EqualTo(CodeIdentity.Current), "an edit of the trainer changes every key");
        }
        finally
        {
            if (Directory.Exists(copy)) Directory.Delete(copy, recursive: true);
        }
    }

    /// <summary>Both projects' sources and the build files at the root, without build outputs.</summary>
    private static void CopySources(string copy)
    {
        foreach (var project in new[] { "Harness.Training", "Harness" })
        {
            var from = Path.Combine(Root, "src", project);
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(from, file);
                if (relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
                var to = Path.Combine(copy, "src", project, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
            }
        }
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
            File.Copy(Path.Combine(Root, file), Path.Combine(copy, file));
    }

    /// <summary>The identity MSBuild computes for the training library in <paramref name="root"/>: its hashing target alone.</summary>
    private static string Identity(string root)
    {
        var start = new ProcessStartInfo(HarnessProcess.DotnetPath(),
            ["msbuild", Path.Combine(root, "src", "Harness.Training", "Harness.Training.csproj"), "-t:HarnessCodeIdentity",
                "-getProperty:HarnessTrainingCode", "-nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"dotnet msbuild: {output}\n{error.Result}");
        return output.Split('\n')[^1].Trim();
    }
}

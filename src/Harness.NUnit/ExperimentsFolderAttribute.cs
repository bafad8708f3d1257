using Harness.Config;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;

namespace Harness.NUnit;

/// <summary>
/// Names the folder of experiments a class deriving from <see cref="ExperimentTests"/> tests, relative to the repository's
/// root (<see cref="ExperimentRepository"/>): one fixture per experiment in it, then one per experiment in the folders
/// <c>HARNESS_EXPERIMENTS</c> lists (by path; their baselines are beside their <c>experiment.json</c>, as the command line
/// keeps them). Each fixture is in categories <c>Reproduction</c> and the experiment's name, so
/// <c>--filter TestCategory=&lt;name&gt;</c> selects it. An experiment whose files do not load is a fixture that cannot run,
/// with the errors as its reason: it fails the run without hiding the others. An experiment declared <c>"explicit"</c> is an
/// explicit fixture, also in category <c>Explicit</c>: a plain <c>dotnet test</c> leaves it out, a filter naming it runs it.
/// </summary>
/// <param name="folder">Relative to the repository's root, e.g. <c>experiments</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class ExperimentsFolderAttribute(string folder) : NUnitAttribute, IFixtureBuilder2
{
    /// <summary>The folder a class without the attribute tests.</summary>
    public const string Default = "experiments";

    /// <summary>The category of every fixture; <c>--filter TestCategory!=Reproduction</c> leaves them all out.</summary>
    public const string Category = "Reproduction";

    /// <summary>The category of every experiment declared <c>"explicit"</c>: <c>--filter TestCategory=Explicit</c> runs them all.</summary>
    public const string ExplicitCategory = "Explicit";

    private readonly NUnitTestFixtureBuilder _builder = new();

    public string Folder { get; } = folder;

    public IEnumerable<TestSuite> BuildFrom(ITypeInfo typeInfo) => BuildFrom(typeInfo, new Everything());

    public IEnumerable<TestSuite> BuildFrom(ITypeInfo typeInfo, IPreFilter filter)
    {
        if (typeInfo.IsAbstract) yield break;
        var repository = ExperimentRepository.Above(Path.GetDirectoryName(typeInfo.Assembly.Location) ?? AppContext.BaseDirectory);
        var named = repository.Folder(Folder);
        // A name that is not a folder (a typo, another root than meant) is one fixture that cannot run, saying where it looked.
        var missing = Directory.Exists(named) ? null : $"[ExperimentsFolder(\"{Folder}\")]: no folder {named}. The folder is named " +
            $"relative to the repository's root, {repository.Root} (the nearest folder above the test assembly holding a .git or " +
            "a solution).";
        foreach (var (experiment, baselines) in Listed(named, repository))
        {
            Experiments.Register(experiment, baselines, repository.Reports);
            yield return _builder.BuildFrom(typeInfo, filter, Fixture(experiment, experiment == named ? missing : null));
        }
    }

    /// <summary>The experiments of the named folder, with their baselines at the root, then HARNESS_EXPERIMENTS's; a folder
    /// without experiments stays as it is, a fixture that cannot run.</summary>
    private static IEnumerable<(string Folder, string? Baselines)> Listed(string named, ExperimentRepository repository) =>
        Experiment(named).Select(e => (e, (string?)repository.BaselinesOf(Path.GetFileName(e))))
            .Concat(ExperimentCatalog.Folders().SelectMany(Experiment).Select(e => (e, (string?)null)));

    private static IEnumerable<string> Experiment(string folder) => ExperimentCatalog.Listed(folder) is { Problem: null } listed
        ? listed.Entries.Select(e => Path.GetDirectoryName(e.DefinitionPath)!)
        : [folder];

    private static TestFixtureData Fixture(string experiment, string? missing)
    {
        var problem = missing ?? Experiments.Problem(experiment);
        var name = problem is null ? Experiments.Folder(experiment).Experiment.Name : Path.GetFileName(experiment);
        var fixture = new TestFixtureData(experiment).SetArgDisplayNames(name);
        if (problem is not null)
        {
            fixture.RunState = RunState.NotRunnable;
            fixture.Properties.Set(PropertyNames.SkipReason, problem);
        }
        fixture.Properties.Add(PropertyNames.Category, Category);
        fixture.Properties.Add(PropertyNames.Category, name);
        if (problem is null && Experiments.Folder(experiment).Experiment.Explicit is { } reason)
        {
            fixture.RunState = RunState.Explicit;
            fixture.Properties.Set(PropertyNames.SkipReason, $"{name} runs only when selected: {reason}");
            fixture.Properties.Add(PropertyNames.Category, ExplicitCategory);
        }
        return fixture;
    }

    /// <summary>The filter of a build that was given none.</summary>
    private sealed class Everything : IPreFilter
    {
        public bool IsMatch(Type type) => true;

        public bool IsMatch(Type type, System.Reflection.MethodInfo method) => true;
    }
}

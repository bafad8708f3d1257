using Harness.Grid;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;

namespace Harness.NUnit;

/// <summary>What a test method is run once for, within its experiment.</summary>
internal enum ExperimentCase
{
    Runs,
    Configurations,
    Claims,
    PublishedConfigurations,
}

/// <summary>
/// Test cases from the experiment of the fixture the method belongs to: one per run, configuration, claim or published run,
/// given to the test as its case (<see cref="RunCase"/>, <see cref="ConfigurationCase"/>, <see cref="ClaimCase"/>,
/// <see cref="PublishedRunCase"/>). A static <c>TestCaseSource</c> cannot see a parameterised fixture's argument; a
/// test builder can. Runs, configurations and published runs are named by their ids, which <c>--filter "Name~…"</c> selects;
/// a claim's name reads as the conclusion it tests, with its registered verdict and its id, e.g.
/// <c>deeper nets overfit more at n=1000 — registered Supported [deeper-overfits-at-n1000]</c>, and it also carries the id
/// as its <c>Claim</c> property (<c>--filter Claim=deeper-overfits-at-n1000</c>). Optional parts of an experiment (claims,
/// published runs) simply give no cases.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ExperimentCasesAttribute(ExperimentCase kind) : NUnitAttribute, ITestBuilder, IImplyFixture
{
    /// <summary>The property (a trait to VSTest's filter) that holds a claim's id.</summary>
    public const string ClaimProperty = "Claim";

    /// <summary>The category of every claim's test and every published run's placement.</summary>
    public const string ClaimsCategory = "Claims";

    private readonly NUnitTestCaseBuilder _builder = new();

    public IEnumerable<TestMethod> BuildFrom(IMethodInfo method, Test? suite)
    {
        if (suite?.Arguments is not [string experiment, ..] || Experiments.Problem(experiment) is not null) yield break;
        var folder = Experiments.Folder(experiment);
        IEnumerable<(object Case, string Name)> cases = kind switch
        {
            ExperimentCase.Runs => ExperimentGrid.Runs(folder.Experiment)
                .Select(r => ((object)new RunCase(r), $"{method.Name}({r.RunId})")),
            ExperimentCase.Configurations => ExperimentGrid.Configurations(folder.Experiment)
                .Select(c => ((object)new ConfigurationCase(c), $"{method.Name}({c.Id})")),
            // A statement is the experiment's text: its control characters are shown as escapes in the test's name, as on
            // the console, so a test list or a terminal running the tests obeys none.
            ExperimentCase.Claims => folder.Claims.All.Select(c => ((object)new ClaimCase(c),
                Harness.IO.PrintableText.Inline($"{c.Statement} — registered {c.Registration.Verdict} [{c.Id}]"))),
            // A run set aside is a case too, one that says why it is not compared, rather than a test that silently vanishes.
            _ => folder.Published.Concat(folder.PublishedSetAside.Select(s => s.Run))
                .Select(p => ((object)new PublishedRunCase(p), $"{method.Name}({p.ConfigurationId})")),
        };
        foreach (var (item, name) in cases)
        {
            var parameters = new TestCaseParameters([item]) { TestName = name };
            if (kind is ExperimentCase.Claims or ExperimentCase.PublishedConfigurations) parameters.Properties.Add(PropertyNames.Category,
                ClaimsCategory);
            if (item is ClaimCase claim) parameters.Properties.Add(ClaimProperty, claim.Id);
            yield return _builder.BuildTestMethod(method, suite, parameters);
        }
    }
}

using Harness.Grid;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;

namespace Harness.Tests.Reproduction;

/// <summary>What a test method is run once for, within its experiment.</summary>
public enum ExperimentCase
{
    Runs,
    Configurations,
    Claims,
    PublishedConfigurations,
}

/// <summary>
/// Test cases from the experiment of the fixture the method belongs to: one per run, configuration, claim or published run,
/// named by its id. A static <c>TestCaseSource</c> cannot see a parameterised fixture's argument; a test builder can.
/// Optional parts of an experiment (claims, published runs) simply give no cases.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ExperimentCasesAttribute(ExperimentCase kind) : NUnitAttribute, ITestBuilder, IImplyFixture
{
    private readonly NUnitTestCaseBuilder _builder = new();

    public IEnumerable<TestMethod> BuildFrom(IMethodInfo method, Test? suite)
    {
        if (suite?.Arguments is not [string experiment, ..] || Experiments.Problem(experiment) is not null) yield break;
        var folder = Experiments.Folder(experiment);
        IEnumerable<string> ids = kind switch
        {
            ExperimentCase.Runs => ExperimentGrid.Runs(folder.Experiment).Select(r => r.RunId),
            ExperimentCase.Configurations => ExperimentGrid.Configurations(folder.Experiment).Select(c => c.Id),
            ExperimentCase.Claims => folder.Claims.Claims.Select(c => c.Id),
            _ => folder.Published.Select(p => p.ConfigurationId),
        };
        foreach (var id in ids)
        {
            var parameters = new TestCaseParameters([id]) { TestName = $"{method.Name}({id})" };
            if (kind is ExperimentCase.Claims or ExperimentCase.PublishedConfigurations) parameters.Properties.Add(PropertyNames.Category, "Claims");
            yield return _builder.BuildTestMethod(method, suite, parameters);
        }
    }
}

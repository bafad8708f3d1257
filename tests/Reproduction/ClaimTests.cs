namespace Harness.Tests.Reproduction;

/// <summary>
/// The tutorial's conclusions, decided by many seeds. Each test passes when the data's verdict is the registered one,
/// whatever that verdict is: a claim that does not reproduce is registered as such, never hidden.
/// </summary>
[TestFixtureSource(typeof(Experiments), nameof(Experiments.Fixtures))]
[Parallelizable(ParallelScope.Children)]
public sealed class ClaimTests(string experiment)
{
    [ExperimentCases(ExperimentCase.Claims)]
    public void Verdict_is_as_registered(string claimId)
    {
        var outcome = Experiments.Session(experiment).EvaluateClaim(claimId);
        TestContext.Out.WriteLine(outcome.Headline);
        TestContext.Out.WriteLine();
        TestContext.Out.WriteLine(outcome.Evidence);

        if (!outcome.Evaluated)
            Assert.Inconclusive($"Not evaluated: {outcome.Headline}");
        if (!outcome.AsRegistered)
            Assert.Fail($"Registered {outcome.Claim.Registration.Verdict} ({outcome.Claim.Registration.Provenance}; {outcome.Claim.Reason}), but the data says: {outcome.Headline}\n\n{outcome.Evidence}");
        Assert.Pass(outcome.Headline);
    }
}

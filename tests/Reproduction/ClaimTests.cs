using Harness.Report;
using Harness.Claims;

namespace Harness.Tests.Reproduction;

/// <summary>
/// The tutorial's conclusions, decided by many seeds. Each test passes when the data's verdict is the registered one,
/// whatever that verdict is: a claim that does not reproduce is registered as such, never hidden, and its test's name
/// says so ("… — registered Refuted"), as does the conclusions block at the end of the run. On fewer seeds than
/// the registration's (HARNESS__grids__0__seeds__count=3) a claim that cannot be evaluated, or evaluates Inconclusive
/// where the snapshot was decided, is inconclusive as a test; only a contradicting verdict fails.
/// </summary>
[TestFixtureSource(typeof(Experiments), nameof(Experiments.Fixtures))]
[Parallelizable(ParallelScope.Children)]
public sealed class ClaimTests(string experiment)
{
    [ExperimentCases(ExperimentCase.Claims)]
    public void Verdict_is_as_registered(Claim claim)
    {
        var outcome = Experiments.Of(experiment).EvaluateClaim(claim);
        TestContext.Out.WriteLine(outcome.Headline);
        TestContext.Out.WriteLine();
        TestContext.Out.WriteLine(ClaimEvidence.Render(outcome).Text);

        if (!outcome.Evaluated)
            NotRun.Because($"not evaluated: {outcome.Headline}", "test with the experiment's own seeds");
        if (!outcome.Holds)
            Assert.Fail($"Registered {outcome.Claim.Registration.Verdict} ({outcome.Claim.Registration.Provenance}; " +
                $"{outcome.Claim.Reason}), but the data says: {outcome.Headline}\n\n{ClaimEvidence.Render(outcome).Text}");
        if (!outcome.AsRegistered)
            NotRun.Because($"not the snapshot's seed count: {ClaimText.OnOtherSeeds(outcome)} than the snapshot, without " +
                $"contradicting it: {outcome.Headline}", "test with the experiment's own seeds, which its registration was made on");
        Assert.Pass(outcome.Headline);
    }
}

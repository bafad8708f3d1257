using Harness.Claims.Sequential;

namespace Harness.Tests.Unit.Claims;

public sealed class SequentialPlanTests
{
    [Test]
    public void Looks_start_at_the_experiment_s_seeds_and_end_at_the_budget()
    {
        Assert.That(new SequentialPlan(40, 10).Looks(10), Is.EqualTo(new[] { 10, 20, 30, 40 }));
        Assert.That(new SequentialPlan(35, 10).Looks(10), Is.EqualTo(new[] { 10, 20, 30, 35 }), "the last look is the budget itself");
        Assert.That(new SequentialPlan(12).Looks(4), Is.EqualTo(new[] { 4, 8, 12 }), "stage defaults to the experiment's seeds");
        Assert.That(new SequentialPlan(10, 10).Looks(10), Is.EqualTo(new[] { 10 }), "no budget beyond the seeds: one look");
    }

    [Test]
    public void Alpha_is_split_evenly_over_the_looks_so_it_sums_to_the_claim_s()
    {
        var looks = new SequentialPlan(40, 10).Looks(10).Count;
        Assert.That(SequentialPlan.AlphaPerLook(0.05, looks), Is.EqualTo(0.0125).Within(1e-15));
        Assert.That(Enumerable.Repeat(SequentialPlan.AlphaPerLook(0.05, looks), looks).Sum(), Is.EqualTo(0.05).Within(1e-15));
    }
}

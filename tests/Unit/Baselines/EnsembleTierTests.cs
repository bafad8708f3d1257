using Harness.Baselines;
using Harness.History;

namespace Harness.Tests.Unit.Baselines;

public sealed class EnsembleTierTests
{
    private BaselineFixtures _files = null!;

    [SetUp] public void Create() => _files = new BaselineFixtures();
    [TearDown] public void Delete() => _files.Dispose();

    private const string Id = "layers-3_dropout-0.2_n-1000";

    private EnsembleTier Tier(bool accept = false) => new(_files.Baselines(accept), "x", [Id, "other"], familyAlpha: 0.01);

    private static EnsembleEntry Entry(IEnumerable<int> seeds, double shift = 0) =>
        EnsembleEntry.From(Id, seeds.Select(s => BaselineFixtures.Result(seed: s, shift: shift * (1 + 0.01 * s))).ToList());

    [Test]
    public void Bonferroni_divides_the_family_alpha_by_every_comparison()
    {
        var tier = Tier();
        Assert.That(tier.Comparisons, Is.EqualTo(2 * RunSummary.Names.Count));
        Assert.That(tier.PerComparisonAlpha, Is.EqualTo(0.01 / 14));
    }

    [Test]
    public void A_missing_entry_fails_and_writes_a_received_ensemble()
    {
        var outcome = Tier().Verify(Entry(Enumerable.Range(1, 5)), BaselineFixtures.Here.Comparable());
        Assert.That(outcome.Verdict, Is.EqualTo(EnsembleVerdict.Missing));
        Assert.That(EnsembleBaseline.Read(_files.Baselines().ReceivedPath("ensemble")).Find(Id)!.Seeds,
            Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
    }

    [Test]
    public void The_same_seeds_in_the_same_environment_are_consistent()
    {
        Tier(accept: true).Verify(Entry(Enumerable.Range(1, 5)), BaselineFixtures.Here.Comparable());
        var outcome = Tier().Verify(Entry(Enumerable.Range(1, 5)), BaselineFixtures.Here.Comparable());
        Assert.That(outcome.Verdict, Is.EqualTo(EnsembleVerdict.Consistent), outcome.Message);
    }

    [Test]
    public void A_shifted_distribution_is_flagged_with_its_table()
    {
        Tier(accept: true).Verify(Entry(Enumerable.Range(1, 5)), BaselineFixtures.Here.Comparable());
        var outcome = Tier().Verify(Entry(Enumerable.Range(6, 5), shift: 0.05), BaselineFixtures.Elsewhere.Comparable());

        Assert.That(outcome.Verdict, Is.EqualTo(EnsembleVerdict.Inconsistent), outcome.Message);
        Assert.That(outcome.Message, Does.Contain("| final_val_loss |").And.Contain("DIFFERS").And.Contain("environment differs"));
        Assert.That(File.Exists(_files.Baselines().ReceivedPath("ensemble")), Is.True);
    }

    [Test]
    public void One_seed_is_too_few_to_compare()
    {
        Tier(accept: true).Verify(Entry(Enumerable.Range(1, 5)), BaselineFixtures.Here.Comparable());
        Assert.That(Tier().Verify(Entry([9]), BaselineFixtures.Here.Comparable()).Verdict, Is.EqualTo(EnsembleVerdict.TooFewSeeds));
    }

    [Test]
    public void One_seed_is_neither_compared_nor_recorded_even_under_accept()
    {
        var outcome = Tier(accept: true).Verify(Entry([1]), BaselineFixtures.Here.Comparable());

        Assert.That(outcome.Verdict, Is.EqualTo(EnsembleVerdict.TooFewSeeds), outcome.Message);
        Assert.That(outcome.Message, Does.Contain("nothing compared or recorded"));
        Assert.That(File.Exists(_files.Baselines().VerifiedPath("ensemble")), Is.False,
            "a one-seed entry no later run could be tested against");
        Assert.That(File.Exists(_files.Baselines().ReceivedPath("ensemble")), Is.False);
    }

    [Test]
    public void The_ensemble_file_round_trips_byte_for_byte()
    {
        Tier(accept: true).Verify(Entry(Enumerable.Range(1, 5)), BaselineFixtures.Here.Comparable());
        var path = _files.Baselines().VerifiedPath("ensemble");
        var text = File.ReadAllText(path);
        Assert.That(EnsembleBaseline.Read(path).Serialize(), Is.EqualTo(text));
    }
}

using System.Collections.Concurrent;
using Harness.Baselines;
using Harness.Config;
using Harness.Settings;
using Harness.Data;
using Harness.Grid;
using Harness.History;
using Harness.Native;
using Harness.Training;
using Harness.Runs;

namespace Harness.Tests.Unit.Baselines;

/// <summary>
/// The statistical tier on real training: a small MLP on real MNIST (1 × Dense(64), 10 epochs) so it runs in seconds.
/// Its significance level is the shipped experiment's (family α over all its configurations × statistics).
/// </summary>
public sealed class EnsembleTierOnMnistTests
{
    private static readonly RunConfig Small = new() { Layers = 1, Width = 64, NTrain = 1000, NValidation = 1000, Epochs = 10 };
    private BaselineFixtures _files = null!;

    [SetUp] public void Create() => _files = new BaselineFixtures();
    [TearDown] public void Delete() => _files.Dispose();

    private static EnsembleEntry Train(RunConfig config, IEnumerable<int> seeds)
    {
        var split = ImageDataset.Load(DataLocator.Locate(null, MnistFiles.All)).FirstN(config.NTrain, config.NValidation);
        var results = new ConcurrentBag<RunResult>();
        WorkerPool.Run(seeds.Select(s => config with { Seed = s }).ToList(), _ => 1,
            c => results.Add(Trainer.Train(c, split)), WorkerPool.DefaultWorkers);
        return EnsembleEntry.From(Small.ConfigurationId, results.ToList());
    }

    private EnsembleTier Tier(bool accept = false)
    {
        var shipped = ExperimentGrid.Configurations(ExperimentLoader.Load(ExperimentLoader.DefaultExperiment)).Select(c => c.Id).ToList();
        var order = shipped.Skip(1).Prepend(Small.ConfigurationId).ToList();
        return new EnsembleTier(_files.Baselines(accept), "small", order, familyAlpha: 0.01);
    }

    [Test]
    public void Fresh_seeds_of_the_same_configuration_pass_and_a_shifted_learning_rate_is_flagged()
    {
        var here = EnvironmentFingerprint.Current().Comparable();
        Tier(accept: true).Verify(Train(Small, Enumerable.Range(1, 8)), here);

        var fresh = Tier().Verify(Train(Small, Enumerable.Range(101, 8)), here);
        var shifted = Tier().Verify(Train(Small with { LearningRate = 0.003 }, Enumerable.Range(101, 8)), here);

        TestContext.Out.WriteLine(fresh.Message);
        TestContext.Out.WriteLine(shifted.Message);
        Assert.That(fresh.Verdict, Is.EqualTo(EnsembleVerdict.Consistent), fresh.Message);
        Assert.That(shifted.Verdict, Is.EqualTo(EnsembleVerdict.Inconsistent), shifted.Message);
    }

    [Test]
    public void Another_profile_makes_the_exact_tier_inconclusive_while_the_ensemble_tier_still_decides()
    {
        var here = EnvironmentFingerprint.Current();
        Tier(accept: true).Verify(Train(Small, Enumerable.Range(1, 8)), here.Comparable());
        var elsewhere =
            here with { Numerics = NumericsProfile.Native.Name, MklCbwr = "AUTO,STRICT", MklVendorOverride = EnvironmentFingerprint.Off };

        var split = ImageDataset.Load(DataLocator.Locate(null, MnistFiles.All)).FirstN(Small.NTrain, Small.NValidation);
        var run = Trainer.Train(Small with { Seed = 1 }, split);
        File.WriteAllText(_files.Baselines().VerifiedPath(run.RunId), ExactBaseline.Serialize(run with { Fingerprint = elsewhere }));

        Assert.That(ExactTier.Verify(run, _files.Baselines()).Verdict, Is.EqualTo(ExactVerdict.NotComparable));
        var outcome = Tier().Verify(Train(Small, Enumerable.Range(101, 8)), elsewhere.Comparable());
        Assert.That(outcome.Verdict, Is.EqualTo(EnsembleVerdict.Consistent), outcome.Message);
        Assert.That(outcome.Message, Does.Contain("environment differs"));
    }
}

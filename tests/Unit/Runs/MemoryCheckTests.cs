using Harness.Settings;
using Harness.Settings.Layers;
using Harness.Data;
using Harness.Training;
using Harness.Runs;

namespace Harness.Tests.Unit.Runs;

public sealed class MemoryCheckTests
{
    private static readonly DataShape Mnist = new(new TensorShape(28, 28), 10);

    private static readonly RunConfig Deepest = new() { Layers = 9, Width = 512, NTrain = 1000, NValidation = 3000 };

    [Test]
    public void Counts_the_parameters_of_the_network_it_trains()
    {
        // The tutorial's 9-layer net on MNIST: 784·512+512, then 8 × (512·512+512), then 512·10+10.
        Assert.That(RunFootprint.Of(Deepest, Mnist).Parameters, Is.EqualTo(401_920 + 8 * 262_656 + 5_130));
    }

    [Test]
    public void The_tutorials_runs_fit_in_a_small_machine()
    {
        Assert.That(MemoryCheck.Problems([Deepest, Deepest with { Seed = 2 }], Mnist, workers: 2, available: 512.0 * (1 << 20)),
            Is.Empty);
    }

    [Test]
    public void Runs_side_by_side_count_together_and_the_error_names_the_settings()
    {
        var wide = Deepest with { Layers = 1, Width = 100_000 };
        var one = RunFootprint.Of(wide, Mnist).Bytes;

        Assert.That(MemoryCheck.Problems([wide, wide with { Seed = 2 }], Mnist, workers: 1, available: one * 1.5), Is.Empty);
        var problems = MemoryCheck.Problems([wide, wide with { Seed = 2 }], Mnist, workers: 2, available: one * 1.5);

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.StartWith($"run {wide.RunId} needs about").And.Contain("(set by layers, width)")
            .And.Contain("2 runs side by side (--workers)").And.Contain("of memory available"));
    }

    [Test]
    public void No_setting_overflows_the_estimate()
    {
        var huge =
            new RunConfig { Layers = 1000, Width = int.MaxValue, Epochs = int.MaxValue, BatchSize = int.MaxValue, NTrain = int.MaxValue };
        Assert.That(RunFootprint.Of(huge, new DataShape(new TensorShape(int.MaxValue), 256)).Bytes,
            Is.Positive.And.Not.EqualTo(double.PositiveInfinity));
    }

    [Test]
    public void Available_memory_is_read_from_this_machine()
    {
        Assert.That(MemoryCheck.AvailableBytes(), Is.Positive);
    }
}

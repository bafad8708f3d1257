using Harness.Config;
using Harness.Config.Settings;
using Harness.Config.Layers;
using Harness.Data;
using Harness.Training;

namespace Harness.Tests.Unit.Training;

public sealed class FlopCountTests
{
    private static readonly DataShape Mnist = new(new TensorShape(28, 28), 10);

    [Test]
    public void One_layer_run_counts_forward_backward_and_validation_matmuls()
    {
        var config = new RunConfig { Layers = 1 };
        double first = 784 * 512, last = 512 * 10;
        var perEpoch = 4 * 1000 * first + 6 * 1000 * last + 2 * 3000 * (first + last);
        Assert.That(FlopCount.ForRun(config, Mnist), Is.EqualTo(18 * perEpoch));
    }

    [Test]
    public void The_tutorial_grid_is_about_three_teraflop()
    {
        var grid = from l in new[] { 1, 3, 5, 7, 9 } from d in new[] { 0.0, 0.2 } select new RunConfig { Layers = l, Dropout = d };
        Assert.That(grid.Sum(c => FlopCount.ForRun(c, Mnist)), Is.EqualTo(3.0e12).Within(0.1e12));
    }
}

using Harness.Config;
using Harness.Settings;
using Harness.Settings.Layers;
using Harness.Data;
using Harness.Training;
using Harness.Bench;

namespace Harness.Tests.Unit.Bench;

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

    [Test]
    public void A_convnet_counts_each_convolution_as_the_matmul_of_its_im2col_patches()
    {
        var experiment = Harness.Config.ExperimentLoader.Load("keras-mnist-cnn", environment: new System.Collections.Hashtable());
        var run = experiment.Grids[0].Template;

        // Multiply-adds per image: conv2d_1 26·26 positions × 9 × 32, conv2d_2 24·24 × 288 × 64, dense_1 9216 × 128,
        // dense_2 128 × 10.
        double conv1 = 676 * 9 * 32, conv2 = 576 * 288 * 64, dense1 = 9216 * 128, dense2 = 128 * 10;
        var perEpoch = 4 * 60000 * conv1 + 6 * 60000 * (conv2 + dense1 + dense2) + 2 * 10000 * (conv1 + conv2 + dense1 + dense2);
        Assert.That(FlopCount.ForRun(run, Mnist), Is.EqualTo(12 * perEpoch));
        Assert.That(FlopCount.ForRun(run, Mnist) / 12, Is.EqualTo(4.5e12).Within(0.1e12), "about 4.5 TFLOP an epoch");
    }
}

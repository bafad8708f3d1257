using Harness.Settings.Layers;
using Harness.Settings;
using Harness.Data;
using Harness.Profiling;
using Harness.Training;
using Harness.Training.Optimizers;
using Harness.Bench;

namespace Harness.Tests.Unit.Bench;

public sealed class RooflineTests
{
    private static readonly DataShape Mnist = new(new TensorShape(28, 28), 10);

    [Test]
    public void Bandwidth_between_two_measured_working_sets_is_interpolated_in_log_log_and_held_beyond_the_ends()
    {
        var bandwidth = StreamBandwidth.FromPoints([(4096, 25e9), (1024, 100e9)]);
        Assert.Multiple(() =>
        {
            Assert.That(bandwidth.At(2048), Is.EqualTo(50e9).Within(1).Percent);
            Assert.That(bandwidth.At(512), Is.EqualTo(100e9));
            Assert.That(bandwidth.At(1 << 20), Is.EqualTo(25e9));
        });
    }

    [Test]
    public void The_better_of_two_bandwidth_measurements_counts_at_each_working_set()
    {
        var first = StreamBandwidth.FromPoints([(1024, 100e9), (4096, 20e9)]);
        var second = StreamBandwidth.FromPoints([(1024, 90e9), (4096, 30e9)]);
        Assert.That(first.Max(second).Points, Is.EqualTo(new[] { (1024.0, 100e9), (4096.0, 30e9) }));
    }

    [Test]
    public void The_roofline_is_the_flop_bound_plus_the_traffic_at_its_bandwidth()
    {
        RunConfig[] configs = [new() { Layers = 1 }, new() { Layers = 3, Dropout = 0.2 }];
        var flat = StreamBandwidth.FromPoints([(1024, 10e9)]);
        var roofline = Roofline.For(configs, Mnist, 100e9, flat);

        var flops = configs.Sum(c => FlopCount.ForRun(c, Mnist));
        var bytes = configs.Sum(c => MemoryTraffic.ForRun(c, Mnist, OptimizerCatalog.Slots(c)).Sum(i => i.Bytes));
        Assert.Multiple(() =>
        {
            Assert.That(roofline.FlopBound, Is.EqualTo(flops / 100e9).Within(1e-9).Percent);
            Assert.That(roofline.Total, Is.EqualTo(flops / 100e9 + bytes / 10e9).Within(1e-9).Percent);
            Assert.That(roofline.TrafficBytes, Is.EqualTo(bytes));
            Assert.That(roofline[Phase.Metrics], Is.Zero, "overhead has no bound");
        });
    }

    [Test]
    public void The_flops_by_phase_add_up_to_the_run()
    {
        var config = new RunConfig { Layers = 3 };
        var phases = FlopCount.ByPhase(config, Mnist);
        Assert.That(phases.Values.Sum(), Is.EqualTo(FlopCount.ForRun(config, Mnist)));
        Assert.That(phases[Phase.ValidationMatmul], Is.EqualTo(3 * phases[Phase.ForwardMatmul]), "3000 validation samples to 1000");
    }

    [Test]
    public void Stream_measures_a_finite_positive_bandwidth_at_every_working_set()
    {
        var measured = StreamBandwidth.Measure(workers: 1);
        Assert.That(measured.Points.Select(p => p.WorkingSet), Is.EqualTo(StreamBandwidth.WorkingSets));
        Assert.That(measured.Points.Select(p => p.BytesPerSecond), Is.All.GreaterThan(1e8).And.All.LessThan(1e13));
    }
}

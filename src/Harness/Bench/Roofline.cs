using Harness.Settings;
using Harness.Data;
using Harness.Profiling;
using Harness.Training.Optimizers;

namespace Harness.Bench;

/// <summary>
/// Lower bounds on the time of a set of runs, phase by phase (<see cref="Phase"/>): each phase's matmul FLOPs
/// (<see cref="FlopCount"/>) at the SGEMM throughput measured at the runs' own shapes (<see cref="GemmReplay"/>), plus its
/// memory traffic (<see cref="MemoryTraffic"/>) at the bandwidth measured at each step's working set
/// (<see cref="StreamBandwidth"/>). Rates are those of all workers at once, so a bound is in seconds of wall time for the set
/// run side by side. <see cref="FlopBound"/> is the matmuls alone; <see cref="Total"/> adds the traffic: the roofline bound.
/// Phases without a bound (metrics, setup, other) are overhead a faster trainer could cut to nothing.
/// </summary>
internal sealed record Roofline(IReadOnlyDictionary<Phase, double> FlopSeconds, IReadOnlyDictionary<Phase, double> TrafficSeconds,
    double TrafficBytes)
{
    public static Roofline For(IReadOnlyList<RunConfig> configs, DataShape data, double flopsPerSecond, StreamBandwidth bandwidth)
    {
        var flops = new Dictionary<Phase, double>();
        var traffic = new Dictionary<Phase, double>();
        var bytes = 0.0;
        foreach (var config in configs)
        {
            foreach (var (phase, count) in FlopCount.ByPhase(config, data))
                flops[phase] = flops.GetValueOrDefault(phase) + count / flopsPerSecond;
            foreach (var item in MemoryTraffic.ForRun(config, data, OptimizerCatalog.Slots(config)))
            {
                traffic[item.Phase] = traffic.GetValueOrDefault(item.Phase) + item.Bytes / bandwidth.At(item.WorkingSet);
                bytes += item.Bytes;
            }
        }
        return new Roofline(flops, traffic, bytes);
    }

    /// <summary>The phase's bound: its matmuls and its traffic.</summary>
    public double this[Phase phase] => FlopSeconds.GetValueOrDefault(phase) + TrafficSeconds.GetValueOrDefault(phase);

    /// <summary>The matmuls alone: the bound bench has always compared with.</summary>
    public double FlopBound => FlopSeconds.Values.Sum();

    /// <summary>Matmuls and traffic: the roofline bound.</summary>
    public double Total => FlopBound + TrafficSeconds.Values.Sum();
}

using Harness.Config;
using Harness.Config.Settings;

namespace Harness.Cli;

/// <summary>
/// Counts work done by its cost (matmul FLOPs), not by runs: a 9-layer run is seven times a 1-layer one, so run counts
/// would make the ETA lurch. Thread-safe.
/// </summary>
public sealed class ProgressTracker(IReadOnlyList<RunConfig> runs, Func<RunConfig, double> cost, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly long _start = (time ?? TimeProvider.System).GetTimestamp();
    private double _total = runs.Sum(cost);
    private int _runs = runs.Count;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _finished = [];
    private double _done;

    public int Runs => _runs;

    /// <summary>Runs not planned at the start (seeds added until a claim is decided) join the total.</summary>
    public void Add(IReadOnlyList<RunConfig> more)
    {
        lock (_gate)
        {
            _total += more.Sum(cost);
            _runs += more.Count;
        }
    }
    public int RunsDone { get; private set; }

    /// <summary>
    /// Records one epoch; when it completes its run, returns how many runs are done counting this one. A run trained again
    /// (the second training that confirms a baseline) is not counted twice, so the count never passes the total.
    /// </summary>
    public int? Epoch(RunConfig run, int epoch)
    {
        lock (_gate)
        {
            _done += cost(run) / run.Epochs;
            if (epoch < run.Epochs) return null;
            if (_finished.Add(run.RunId)) RunsDone++;
            return RunsDone;
        }
    }

    public TimeSpan Elapsed => _time.GetElapsedTime(_start);

    public double Fraction => _total == 0 ? 1 : Math.Min(1, _done / _total);

    public TimeSpan? Remaining => Fraction <= 0 ? null : TimeSpan.FromSeconds(Elapsed.TotalSeconds * (1 - Fraction) / Fraction);
}

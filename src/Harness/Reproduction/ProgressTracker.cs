using Harness.Settings;

namespace Harness.Reproduction;

/// <summary>
/// How far training has got, for every progress display (the live one, the plain one for logs, the test run's heartbeat).
/// Counts work by its cost (matmul FLOPs), not by runs: a 9-layer run is seven times a 1-layer one, so run counts would make
/// the ETA lurch. Runs join as they are planned, which may be before or during training: a test session learns what it needs
/// test by test, and seeds added until a claim is decided join between looks. A run read from the run store counts as done
/// but leaves the work to do, so it neither fills the bar nor makes the ETA promise the speed of reading files. Runs said to
/// start (<see cref="Start"/>) are in training, at the epoch under way, until their last epoch. Thread-safe.
/// </summary>
/// <param name="reused">Whether a run's result was read rather than trained (its epochs are replayed to the displays).</param>
internal sealed class ProgressTracker(Func<RunConfig, double> cost, Func<RunConfig, bool>? reused = null, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _planned = [];
    private readonly HashSet<string> _finished = [];
    private readonly HashSet<string> _reused = [];
    private readonly Dictionary<string, (RunConfig Run, int Epoch)> _training = new(StringComparer.Ordinal);
    private long? _start;
    private double _total;
    private double _done;

    /// <summary>A tracker of <paramref name="runs"/>, all planned from the start.</summary>
    public ProgressTracker(IReadOnlyList<RunConfig> runs, Func<RunConfig, double> cost, TimeProvider? time = null)
        : this(cost, null, time) => Plan(runs);

    /// <summary>Adds runs to the total; a run already planned is not counted again. The clock starts with the first.</summary>
    public void Plan(IEnumerable<RunConfig> runs)
    {
        lock (_gate)
            foreach (var run in runs)
                if (_planned.Add(run.RunId))
                {
                    _start ??= _time.GetTimestamp();
                    _total += cost(run);
                }
    }

    public void Plan(RunConfig run) => Plan([run]);

    /// <summary>Runs planned so far.</summary>
    public int Runs
    {
        get { lock (_gate) return _planned.Count; }
    }

    public int RunsDone
    {
        get { lock (_gate) return _finished.Count; }
    }

    /// <summary>Runs done because they were read from the run store.</summary>
    public int RunsReused
    {
        get { lock (_gate) return _reused.Count; }
    }

    /// <summary>A run starts training (a first training, or one that checks it): it is in training, at its first epoch.</summary>
    public void Start(RunConfig run)
    {
        lock (_gate) _training[run.RunId] = (run, 1);
    }

    /// <summary>A run's training ended before its last epoch (it diverged): it is no longer in training, nor done.</summary>
    public void Stop(RunConfig run)
    {
        lock (_gate) _training.Remove(run.RunId);
    }

    /// <summary>The runs in training, each with the epoch under way, by run id.</summary>
    public IReadOnlyList<(RunConfig Run, int Epoch)> InTraining
    {
        get { lock (_gate) return [.. _training.Values.OrderBy(t => t.Run.RunId, StringComparer.Ordinal)]; }
    }

    /// <summary>
    /// Records one epoch; when it completes its run, returns how many runs are done counting this one. A run trained again
    /// (the second training that confirms a baseline) is not counted twice, so the count never passes the total.
    /// </summary>
    public int? Epoch(RunConfig run, int epoch)
    {
        lock (_gate)
        {
            // Only a run said to start is in training: a run read from the run store replays its epochs without one.
            if (_training.ContainsKey(run.RunId))
            {
                if (epoch < run.Epochs) _training[run.RunId] = (run, epoch + 1);
                else _training.Remove(run.RunId);
            }
            if (reused?.Invoke(run) == true)
            {
                if (epoch < run.Epochs) return null;
                if (_finished.Add(run.RunId) && _reused.Add(run.RunId) && _planned.Contains(run.RunId)) _total -= cost(run);
                return _finished.Count;
            }
            _done += cost(run) / run.Epochs;
            if (epoch < run.Epochs) return null;
            _finished.Add(run.RunId);
            return _finished.Count;
        }
    }

    /// <summary>Since the first run was planned.</summary>
    public TimeSpan Elapsed
    {
        get { lock (_gate) return _start is { } start ? _time.GetElapsedTime(start) : TimeSpan.Zero; }
    }

    /// <summary>The share of the training planned that is done (runs read from the run store are not training).</summary>
    public double Fraction
    {
        get { lock (_gate) return _total == 0 ? 1 : Math.Min(1, _done / _total); }
    }

    public TimeSpan? Remaining
    {
        get
        {
            var fraction = Fraction;
            return fraction <= 0 ? null : TimeSpan.FromSeconds(Elapsed.TotalSeconds * (1 - fraction) / fraction);
        }
    }
}

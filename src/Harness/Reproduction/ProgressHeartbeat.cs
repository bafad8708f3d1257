namespace Harness.Reproduction;

/// <summary>
/// Progress for a log that is read while it grows (a test run's console, a CI job, <c>reproduce &gt; log</c>): a line when
/// training starts, then one every <see cref="Every"/> while planned runs remain (or runs are trained again to check them),
/// and one when the last of them is done. Never a line per epoch or per batch: the tutorial's 130 runs would bury the test
/// results. A caller with lines of its own (<c>reproduce</c>'s line per finished run) writes them through
/// <see cref="Write"/>, and the heartbeat then only fills the silences: no more than <see cref="Every"/> without a line.
/// Silent while nothing is planned, and after the closing line until more runs are planned.
/// </summary>
internal sealed class ProgressHeartbeat : IDisposable
{
    /// <summary>The longest a log goes without a line while training.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Check = TimeSpan.FromSeconds(1);

    private readonly ProgressTracker _tracker;
    private readonly string _label;
    private readonly Action<string> _write;
    private readonly TimeProvider _time;
    private readonly ITimer? _timer;
    private readonly Lock _gate = new();
    private long? _lastLine;
    private int _closedAt = -1;

    /// <param name="label">What is training, e.g. the experiment's name.</param>
    /// <param name="write">Where a line goes; called on a timer thread, and never by two threads at once.</param>
    /// <param name="start">False: no timer, <see cref="Tick"/> is called by hand (tests).</param>
    public ProgressHeartbeat(ProgressTracker tracker, string label, Action<string> write, TimeProvider? time = null, bool start = true)
    {
        (_tracker, _label, _write, _time) = (tracker, label, write, time ?? TimeProvider.System);
        if (start) _timer = _time.CreateTimer(_ => Tick(), null, Check, Check);
    }

    /// <summary>Writes a line if one is due.</summary>
    public void Tick()
    {
        lock (_gate)
        {
            var (planned, done, training) = (_tracker.Runs, _tracker.RunsDone, _tracker.InTraining.Count);
            if (planned == 0 && training == 0) return;
            if (done >= planned && training == 0)
            {
                // The closing line, once per total (runs read from the run store can all be done before the first tick); the
                // next run planned opens a new series with a line of its own.
                if (_closedAt == planned) return;
                _write(ProgressLine.Format(_label, _tracker));
                (_closedAt, _lastLine) = (planned, null);
                return;
            }
            var now = _time.GetTimestamp();
            if (_lastLine is { } last && _time.GetElapsedTime(last, now) < Every) return;
            _write(ProgressLine.Format(_label, _tracker));
            _lastLine = now;
        }
    }

    /// <summary>
    /// Writes a line of the caller's own to the same place, never at the same time as a heartbeat's; the next heartbeat is
    /// then due <see cref="Every"/> after it.
    /// </summary>
    public void Write(string line)
    {
        lock (_gate)
        {
            _write(line);
            _lastLine = _time.GetTimestamp();
        }
    }

    /// <summary>Stops the timer, after a last line if one is due (the closing line of runs that finished since the last tick).</summary>
    public void Dispose()
    {
        _timer?.Dispose();
        Tick();
    }
}

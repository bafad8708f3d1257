using Harness.Settings;
using Harness.Reproduction;
using Harness.Training;

namespace Harness.Cli;

/// <summary>
/// A reproduction as the console shows it (<see cref="IReproductionEvents"/>): its lines on the output, the run store's
/// warnings on the error stream, and its training progress while work runs: live on a terminal (<see cref="LiveProgress"/>),
/// else as lines for a log (<see cref="PlainProgress"/>: a line per finished run and the 30-second heartbeat). Runs report to
/// it from the moment the session exists, and it passes their starts and epochs to whichever display is in place.
/// </summary>
/// <param name="label">What is training, for a log's heartbeat lines.</param>
/// <param name="interactive">Whether the output is a terminal that a live display can redraw.</param>
internal sealed class TrainingProgress(string label, TextWriter output, TextWriter error, bool interactive) : IReproductionEvents
{
    private ProgressTracker? _tracker;

    // Set on the command's thread before any work is posted to the workers that read it.
    private volatile IProgressDisplay? _display;

    public void Say(string line) => output.WriteLine(line);

    public TextWriter Warnings => error;

    /// <summary>A run's observer: its start and epochs go to the display in place, if any.</summary>
    public TrainingObserver Observe(RunConfig run) =>
        new(OnEpoch: e => _display?.Epoch(run, e), OnStart: () => _display?.Start(run));

    /// <summary>
    /// Counts every run the source's pool queues from now on, weighed by its cost. Called once the session exists: the
    /// observers exist before it, the cost only after (it weighs runs by the data's shape).
    /// </summary>
    public void Follow(RunSource source)
    {
        _tracker = new ProgressTracker(source.Cost, source.WasReused);
        source.Pool.Queued += _tracker.Plan;
        source.Pool.Failed += _tracker.Stop;
    }

    /// <summary>Runs <paramref name="work"/> with the display in place, and takes it down afterwards.</summary>
    public T Training<T>(Func<T> work)
    {
        var tracker = _tracker ?? throw new InvalidOperationException("TrainingProgress.Follow was not called.");
        try
        {
            if (interactive) return LiveProgress.Run(tracker, display => { _display = display; return work(); });
            using var plain = new PlainProgress(tracker, label, output);
            _display = plain;
            return work();
        }
        finally
        {
            _display = null;
        }
    }
}

using Harness.Settings;
using Harness.Training;

namespace Harness.Reproduction;

/// <summary>
/// What a reproduction tells whoever started it while it goes: lines to show (what it is doing, what it read from where),
/// each run's start and epochs, and when training happens, so a front end can show progress its own way (a live display, a
/// log's heartbeat, a test run's console).
/// </summary>
internal interface IReproductionEvents
{
    /// <summary>A line for the reader: "Shard 2/4: 40 of 160 runs …", "Cleared 12 run(s) from the run store …".</summary>
    void Say(string line);

    /// <summary>Where the run store's warnings go.</summary>
    TextWriter Warnings { get; }

    /// <summary>The observer of one run, told its start and each epoch.</summary>
    TrainingObserver Observe(RunConfig run);

    /// <summary>The session's runs are about to be asked for: every run its pool queues from now on is part of the work.</summary>
    void Follow(RunSource source);

    /// <summary>Runs <paramref name="training"/>, which trains (or reads) runs, with whatever shows their progress in place.</summary>
    T Training<T>(Func<T> training);
}

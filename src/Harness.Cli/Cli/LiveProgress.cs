using System.Collections.Concurrent;
using Harness.Config;
using Harness.Settings;
using Harness.History;
using Harness.IO;
using Harness.Reproduction;
using Spectre.Console;

namespace Harness.Cli;

/// <summary>
/// A live terminal display (Spectre.Console): the whole experiment's progress with elapsed time and ETA, and a bar per
/// active run showing its epoch. Finished runs disappear, so the display stays as tall as the number of workers.
/// </summary>
internal sealed class LiveProgress(ProgressTracker tracker, ProgressContext context, ProgressTask overall) : IProgressDisplay
{
    private readonly ConcurrentDictionary<string, ProgressTask> _active = new();

    public static T Run<T>(ProgressTracker tracker, Func<IProgressDisplay, T> work)
    {
        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var overall = context.AddTask($"{tracker.Runs} runs", maxValue: 1000);
                result = work(new LiveProgress(tracker, context, overall));
                overall.Value = overall.MaxValue;
            });
        return result;
    }

    public void Start(RunConfig run)
    {
        tracker.Start(run);
        Bar(run);
    }

    public void Epoch(RunConfig run, EpochMetrics metrics)
    {
        var task = Bar(run);
        task.Value = metrics.Epoch;
        var finished = tracker.Epoch(run, metrics.Epoch) is not null;
        overall.Description = $"{tracker.RunsDone}/{tracker.Runs} runs";
        overall.Value = tracker.Fraction * overall.MaxValue;
        if (finished && _active.TryRemove(run.RunId, out var done)) done.StopTask();
    }

    /// <summary>The run's bar, added when it starts (or, read from the run store, at its first epoch).</summary>
    private ProgressTask Bar(RunConfig run) =>
        _active.GetOrAdd(run.RunId, id => context.AddTask(Markup.Escape(PrintableText.Inline(id)), maxValue: run.Epochs));
}

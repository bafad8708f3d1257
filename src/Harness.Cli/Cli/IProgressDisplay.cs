using Harness.Config;
using Harness.Settings;
using Harness.History;

namespace Harness.Cli;

/// <summary>Shows training progress: called from worker threads when a run starts training and after every epoch of every run.</summary>
internal interface IProgressDisplay
{
    void Start(RunConfig run);

    void Epoch(RunConfig run, EpochMetrics metrics);
}

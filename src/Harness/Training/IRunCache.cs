using Harness.Config.Settings;
using Harness.History;

namespace Harness.Training;

/// <summary>
/// Finished runs kept between processes (the run store): the pool asks before it trains a run and hands
/// over every run it trained. Declared here, where it is used, so training depends on no stage to its right.
/// </summary>
public interface IRunCache
{
    /// <summary>The run's stored result, or null when there is none (or none that can be read).</summary>
    RunResult? Find(RunConfig config);

    /// <summary>Keeps a run just trained; a failure to keep it must not fail the run.</summary>
    void Keep(RunResult result);
}

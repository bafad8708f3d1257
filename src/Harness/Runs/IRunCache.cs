using Harness.Settings;
using Harness.History;

namespace Harness.Runs;

/// <summary>
/// Finished runs kept between processes (the run store): the pool asks before it trains a run, reserves the run's training
/// so that other processes sharing the cache wait for it rather than train it too, and hands over every run it trained.
/// Declared here, where it is used, so training depends on no stage to its right.
/// </summary>
internal interface IRunCache
{
    /// <summary>The run's stored result, or null when there is none (or none that can be read).</summary>
    RunResult? Find(RunConfig config);

    /// <summary>Reserves the run's training for this process until the reservation is disposed; null while another process
    /// is training it (ask <see cref="Find"/> again later: its result will be there).</summary>
    IRunReservation? Reserve(RunConfig config);

    /// <summary>Keeps a run just trained; a failure to keep it must not fail the run.</summary>
    void Keep(RunResult result);
}

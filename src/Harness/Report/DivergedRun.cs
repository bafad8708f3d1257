using Harness.Settings;

namespace Harness.Report;

/// <summary>A run that stopped on a non-finite loss: no history, a failure of the reproduction, and its message says where.</summary>
/// <param name="Message">As the trainer put it: the run, the loss and the epoch and batch it appeared at.</param>
/// <param name="Where">The same without the run: "loss is NaN at epoch 2, batch 3".</param>
internal sealed record DivergedRun(RunConfig Config, string Message, string Where)
{
    public string RunId => Config.RunId;
}

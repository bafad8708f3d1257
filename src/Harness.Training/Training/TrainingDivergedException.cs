using System.Globalization;

namespace Harness.Training;

/// <summary>A non-finite loss: the run stops here rather than record a history full of NaN.</summary>
internal sealed class TrainingDivergedException(string runId, int epoch, int batch, float loss)
    : Exception($"Run {runId} diverged: {Describe(loss, epoch, batch)}.")
{
    public int Epoch { get; } = epoch;
    public int Batch { get; } = batch;

    /// <summary>"loss is NaN at epoch 2, batch 3": what happened and where, for messages that name the run themselves.</summary>
    public string Where { get; } = Describe(loss, epoch, batch);

    private static string Describe(float loss, int epoch, int batch) =>
        $"loss is {loss.ToString(CultureInfo.InvariantCulture)} at epoch {epoch}, batch {batch}";
}

namespace Harness.Training;

/// <summary>A non-finite loss: the run stops here rather than record a history full of NaN.</summary>
public sealed class TrainingDivergedException(string runId, int epoch, int batch, float loss)
    : Exception($"Run {runId} diverged: loss is {loss.ToString(System.Globalization.CultureInfo.InvariantCulture)} at " +
        $"epoch {epoch}, batch {batch}.")
{
    public int Epoch { get; } = epoch;
    public int Batch { get; } = batch;
}

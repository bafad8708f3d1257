using System.Globalization;
using Harness.Settings.Layers;
using Harness.Settings;
using Harness.Data;

namespace Harness.Runs;

/// <summary>
/// An estimate, from above, of the memory one run needs: its parameters with their gradients and optimizer slots, the
/// activations of one batch, its share of the data as tensors, and its history. Checked before anything trains, because a
/// network that cannot fit otherwise fails inside libtorch's allocator, with a stack trace, after other runs have trained.
/// Computed in doubles, so no setting (a width of 2³¹−1, two billion epochs) can overflow it.
/// </summary>
internal sealed record RunFootprint(RunConfig Run, double Parameters, IReadOnlyList<(string Part, string Keys, double Bytes)> Parts)
{
    public double Bytes => Parts.Sum(p => p.Bytes);

    public static RunFootprint Of(RunConfig run, DataShape data)
    {
        // A C# model has no layer list to trace: only its data and history are counted (its weights are its own to size).
        var trace = run.ModelClass is null ? run.Network(data.Classes).Trace(data.Image) : [];
        var parameters = trace.Sum(t => t.Layer.Parameters(t.Input));
        // float32 weights and gradients, and at most two optimizer slots per weight (Adam's m and v; the others keep one).
        var weights = parameters * 4 * 4;
        // Forward and backward of one batch: per layer its output, what it was computed from (a pre-activation, a dropout
        // mask) and their gradients, at most six values per output; a convolution's im2col patches and their gradient; the
        // input with its gradient.
        double batch = Math.Min(run.BatchSize, Math.Max(run.NTrain, run.NValidation));
        var perSample = 2 * data.Image.Size + trace.Sum(t => 6 * t.Output.Size +
            (t.Layer is Conv2D && t.Layer.Matmul(t.Input) is { } patches ? 2.0 * patches.Rows * patches.Inner : 0));
        var activations = batch * perSample * 4;
        // The run's split: float32 pixels and one-hot labels, held both as managed arrays and as tensors.
        var split = ((double)run.NTrain + run.NValidation) * (data.Image.Size + data.Classes + 2) * 4 * 2;
        // Four metrics per epoch, as doubles, in a few copies (the epoch records, the history, its serialisation).
        var history = run.Epochs * 4.0 * 8 * 4;
        var model = run.IsMlp ? "layers, width" : "model";
        return new RunFootprint(run, parameters,
        [
            ("parameters, gradients and optimizer slots", model, weights),
            ("activations of one batch", $"batchSize, {model}", activations),
            ("data", "nTrain, nValidation", split),
            ("history", "epochs", history),
        ]);
    }

    /// <summary>"… needs about 149 GiB: parameters … 149 GiB (layers, width), …": the parts largest first.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"run {Run.RunId} needs about {Size(Bytes)} ({Parameters:G4} parameters): ") +
        string.Join(", ", Parts.OrderByDescending(p => p.Bytes).Select(p => $"{p.Part} {Size(p.Bytes)} (set by {p.Keys})"));

    public static string Size(double bytes) => bytes switch
    {
        >= 1 << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1 << 30):0.#} GiB"),
        >= 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1 << 20):0.#} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024:0.#} KiB"),
    };
}

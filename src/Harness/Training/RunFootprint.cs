using System.Globalization;
using Harness.Config.Settings;

namespace Harness.Training;

/// <summary>
/// An estimate, from above, of the memory one run needs: its parameters with their gradients and optimizer slots, the
/// activations of one batch, its share of the data as tensors, and its history. Checked before anything trains, because a
/// network that cannot fit otherwise fails inside libtorch's allocator, with a stack trace, after other runs have trained.
/// Computed in doubles, so no setting (a width of 2³¹−1, two billion epochs) can overflow it.
/// </summary>
public sealed record RunFootprint(RunConfig Run, double Parameters, IReadOnlyList<(string Part, string Keys, double Bytes)> Parts)
{
    public double Bytes => Parts.Sum(p => p.Bytes);

    public static RunFootprint Of(RunConfig run, int features, int classes)
    {
        double width = run.Width, layers = run.Layers;
        var parameters = (features * width + width) + (layers - 1) * (width * width + width) + (width * classes + classes);
        // float32 weights and gradients, and at most two optimizer slots per weight (Adam's m and v; the others keep one).
        var weights = parameters * 4 * 4;
        // Forward and backward of one batch: per hidden layer its pre-activation, activation and dropout mask, and their
        // gradients; the input and the logits with theirs.
        double batch = Math.Min(run.BatchSize, Math.Max(run.NTrain, run.NValidation));
        var activations = batch * (2 * features + layers * width * 6 + classes * 4) * 4;
        // The run's split: float32 pixels and one-hot labels, held both as managed arrays and as tensors.
        var data = ((double)run.NTrain + run.NValidation) * (features + classes + 2) * 4 * 2;
        // Four metrics per epoch, as doubles, in a few copies (the epoch records, the history, its serialisation).
        var history = run.Epochs * 4.0 * 8 * 4;
        return new RunFootprint(run, parameters,
        [
            ("parameters, gradients and optimizer slots", "layers, width", weights),
            ("activations of one batch", "batchSize, layers, width", activations),
            ("data", "nTrain, nValidation", data),
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

using TorchSharp;
using static TorchSharp.torch;

namespace Harness.Model;

/// <summary>
/// A model written in C#, which an experiment names instead of a layer list:
/// <c>"model": { "class": "My.Namespace.TwoLayerNet", "settings": { "hidden": 128 } }</c>. The harness makes one with the
/// parameterless constructor, reads <see cref="Settings"/> and, for each run, calls <see cref="Build"/> and trains what it
/// returns with its usual semantics (Keras's or PyTorch's loss and optimizer, the run's batches and epochs) in the numerics
/// profile in force.
/// </summary>
/// <remarks>
/// The contract of the module <see cref="Build"/> returns:
/// <list type="bullet">
/// <item>its input is a batch of samples as rows, float32 <c>[batch, features]</c> (<see cref="ModelContext.Features"/>: an
/// MNIST image's 784 pixels, row-major); view it as <see cref="ModelContext.Input"/> for a spatial layer;</item>
/// <item>its output is <b>logits</b>, <c>[batch, classes]</c>, with no softmax: the loss applies it, exactly where Keras's
/// categorical cross-entropy (or PyTorch's <c>cross_entropy</c>) would;</item>
/// <item>every random draw comes from the context: weights made by <see cref="ModelContext.Dense"/> (Keras's glorot_uniform
/// kernel and zero bias) or initialised with <see cref="ModelContext.Initialize"/> from the run's seeded init stream, dropout
/// from <see cref="ModelContext.Dropout"/>. TorchSharp's own initialisers and its Dropout draw from the global generator,
/// which makes runs differ.</item>
/// </list>
/// Its settings are run settings like the built-in ones: grid axes, run-id tokens (left out at their default), CSV columns
/// and claim filters. The class's code is part of every run's key (<see cref="Harness.Settings.ModelCode"/>).
/// </remarks>
public abstract class HarnessModel
{
    /// <summary>The settings this model takes, each with its default: an <c>int</c>, <c>double</c> or <c>bool</c>, whose type
    /// is the setting's. None by default.</summary>
    public virtual IReadOnlyDictionary<string, object> Settings { get; } = new Dictionary<string, object>();

    /// <summary>The network for one run: built once per run, then trained.</summary>
    public abstract nn.Module<Tensor, Tensor> Build(ModelContext context);
}

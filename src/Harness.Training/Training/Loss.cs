using Harness.Settings;
using TorchSharp;
using static TorchSharp.torch;

namespace Harness.Training;

/// <summary>A batch's mean loss (a scalar tensor to back-propagate) and the model's predicted classes.</summary>
internal abstract class Loss
{
    public static Loss For(Semantics semantics) => semantics switch
    {
        Semantics.Keras => new KerasCategoricalCrossentropy(),
        Semantics.PyTorch => new TorchCrossEntropy(),
        _ => throw new ArgumentOutOfRangeException(nameof(semantics), semantics, "Unknown semantics."),
    };

    /// <param name="logits">The last Dense layer's output, [batch, classes].</param>
    /// <param name="oneHot">Float one-hot targets, [batch, classes].</param>
    /// <param name="labels">Int64 class labels, [batch].</param>
    public abstract (Tensor Loss, Tensor Predicted) Evaluate(Tensor logits, Tensor oneHot, Tensor labels);
}

using TorchSharp;
using static TorchSharp.torch;

namespace Harness.Training;

/// <summary>
/// Keras 2's softmax output with categorical_crossentropy on the TensorFlow backend:
/// <code>
/// output = softmax(logits)
/// output /= reduce_sum(output, -1, keepdims=True)
/// output = clip(output, 1e-7, 1 - 1e-7)
/// loss = mean(-reduce_sum(target * log(output), -1))
/// </code>
/// The clip is in the graph, so probabilities outside the band get no gradient, as in TF.
/// Accuracy is categorical_accuracy: argmax of the softmax output against argmax of the target.
/// </summary>
internal sealed class KerasCategoricalCrossentropy : Loss
{
    public const double Epsilon = 1e-7;

    /// <summary>Per-sample losses from probabilities, [batch].</summary>
    public static Tensor PerSample(Tensor probabilities, Tensor oneHot)
    {
        using var scope = NewDisposeScope();
        var normalised = probabilities / probabilities.sum(-1, keepdim: true);
        var clipped = normalised.clamp(Epsilon, 1 - Epsilon);
        return (-(oneHot * clipped.log()).sum(-1)).MoveToOuterDisposeScope();
    }

    public override (Tensor Loss, Tensor Predicted) Evaluate(Tensor logits, Tensor oneHot, Tensor labels)
    {
        using var probabilities = nn.functional.softmax(logits, -1);
        using var perSample = PerSample(probabilities, oneHot);
        return (perSample.mean(), probabilities.argmax(-1));
    }
}

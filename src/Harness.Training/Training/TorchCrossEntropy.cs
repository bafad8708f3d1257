using TorchSharp;
using static TorchSharp.torch;

namespace Harness.Training;

/// <summary>PyTorch's F.cross_entropy: log-softmax and NLL on the logits, mean over the batch, no clipping.</summary>
internal sealed class TorchCrossEntropy : Loss
{
    public override (Tensor Loss, Tensor Predicted) Evaluate(Tensor logits, Tensor oneHot, Tensor labels) =>
        (nn.functional.cross_entropy(logits, labels), logits.argmax(-1));
}

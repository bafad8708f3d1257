using static TorchSharp.torch;

namespace Harness.Data;

/// <summary>What a <see cref="HarnessData"/> gives: float32 features <c>[n, …]</c> and int64 labels <c>[n]</c> for training and
/// for validation, and the class count (labels are 0 to <paramref name="Classes"/> − 1).</summary>
public sealed record DataTensors(Tensor TrainFeatures, Tensor TrainLabels, Tensor ValidationFeatures, Tensor ValidationLabels,
    int Classes);

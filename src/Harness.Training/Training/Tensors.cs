using Harness.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Harness.Training;

/// <summary>A labelled image set as tensors: pixels [n, features], one-hot targets [n, classes], labels [n].</summary>
internal sealed class Tensors
{
    private readonly Tensor _x, _oneHot, _labels;

    private Tensors(Tensor x, Tensor oneHot, Tensor labels) => (_x, _oneHot, _labels) = (x, oneHot, labels);

    public int Count => (int)_labels.shape[0];

    public static Tensors From(LabeledImages images)
    {
        var x = tensor(images.Pixels, [images.Count, images.Features]);
        var labels = tensor(images.Labels.Select(l => (long)l).ToArray(), [images.Count]);
        var oneHot = nn.functional.one_hot(labels, images.Classes).to(ScalarType.Float32);
        return new Tensors(x, oneHot, labels);
    }

    public (Tensor X, Tensor OneHot, Tensor Labels) Rows(Tensor indices) =>
        (_x.index_select(0, indices), _oneHot.index_select(0, indices), _labels.index_select(0, indices));

    public (Tensor X, Tensor OneHot, Tensor Labels) Slice(int start, int length) =>
        (_x.narrow(0, start, length), _oneHot.narrow(0, start, length), _labels.narrow(0, start, length));
}

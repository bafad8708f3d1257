using Harness.Data;
using static TorchSharp.torch;

namespace MyStudy.Tests;

/// <summary>
/// The study's data: points in the plane, labelled by which of three rings around the origin they fall in, with noise near
/// the borders. Made with integer arithmetic and a fixed seed, so every machine makes the same bits (its content's hash is
/// part of every run's key).
/// </summary>
public sealed class Rings : HarnessData
{
    private const int Classes = 3;

    public override DataTensors Load()
    {
        var (trainFeatures, trainLabels) = Points(count: 600, seed: 1);
        var (validationFeatures, validationLabels) = Points(count: 600, seed: 2);
        return new DataTensors(trainFeatures, trainLabels, validationFeatures, validationLabels, Classes);
    }

    private static (Tensor Features, Tensor Labels) Points(int count, uint seed)
    {
        var features = new float[count * 2];
        var labels = new long[count];
        var state = seed;
        // A 32-bit xorshift: exact on every CPU, unlike a library's floating-point sampler.
        double Next()
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            return state / (double)uint.MaxValue * 2 - 1;
        }
        for (var i = 0; i < count; i++)
        {
            double x = Next(), y = Next();
            var radius = x * x + y * y;
            var label = radius < 0.2 ? 0 : radius < 0.6 ? 1 : 2;
            // One point in ten near a border takes the neighbouring ring's label: no model fits it perfectly.
            if (i % 10 == 0 && Math.Abs(radius - 0.2) < 0.05) label = 1 - label;
            features[2 * i] = (float)x;
            features[2 * i + 1] = (float)y;
            labels[i] = label;
        }
        return (tensor(features, [count, 2]), tensor(labels, [count]));
    }
}

using System.Numerics;
using TorchSharp.Modules;

namespace Harness.Training.Optimizers;

/// <summary>
/// Adagrad exactly as Keras 2.2.4 writes it (keras/optimizers.py, no decay), in float32, with one slot, the
/// accumulator a, starting at 0 (<c>K.zeros</c>; tf.keras later starts it at 0.1):
/// <code>
/// a = a + g^2
/// p = p - lr * g / (sqrt(a) + epsilon)   # (lr * g) / (...); epsilon = 1e-7, outside the root
/// </code>
/// With a zero start the first step is about lr · sign(g) for every element, however small its gradient
/// (exactly lr / 2 for |g| = ε).
/// </summary>
internal sealed class KerasAdagrad : SlotOptimizer
{
    private readonly float _learningRate, _epsilon;

    /// <exception cref="ArgumentOutOfRangeException">A learning rate or ε that is not finite and &gt; 0.</exception>
    public KerasAdagrad(IEnumerable<Parameter> parameters, float learningRate, float epsilon)
        : base(parameters, slotCount: 1)
    {
        _learningRate = (float)Hyperparameter.Positive(learningRate, nameof(learningRate));
        _epsilon = (float)Hyperparameter.Positive(epsilon, nameof(epsilon));
    }

    protected override unsafe void Update(float* p, float* g, float** slots, int n, int t)
    {
        float lr = _learningRate, eps = _epsilon;
        var a = slots[0];
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            Vector<float> vlr = new(lr), veps = new(eps);
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                var gi = Vector.Load(g + i);
                var ai = Vector.Load(a + i) + gi * gi;
                ai.Store(a + i);
                (Vector.Load(p + i) - vlr * gi / (Vector.SquareRoot(ai) + veps)).Store(p + i);
            }
        }
        for (; i < n; i++)
        {
            var gi = g[i];
            var ai = a[i] += gi * gi;
            p[i] -= lr * gi / (MathF.Sqrt(ai) + eps);
        }
    }
}

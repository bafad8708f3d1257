using System.Numerics;
using TorchSharp.Modules;

namespace Harness.Training.Optimizers;

/// <summary>
/// RMSprop exactly as Keras 2.2.4 writes it (keras/optimizers.py, no decay), in float32, with one slot, the
/// accumulator a, starting at 0:
/// <code>
/// a = rho * a + (1 - rho) * g^2      # (rho * a) + ((1 - rho) * g^2); 1 - rho in float32
/// p = p - lr * g / (sqrt(a) + epsilon)   # (lr * g) / (...); epsilon = 1e-7, outside the root
/// </code>
/// ε is added to √a, not to a: on the first step (ρ = 0.9) a gradient of 1e-7 moves its weight by about lr / 1.3,
/// where ε inside the root would give lr · 3e-4.
/// torch.optim.RMSprop also adds ε outside the root, but defaults to ε = 1e-8 and ρ (alpha) = 0.99.
/// </summary>
internal sealed class KerasRmsprop : SlotOptimizer
{
    private readonly float _learningRate, _rho, _epsilon;

    /// <exception cref="ArgumentOutOfRangeException">A learning rate or ε that is not finite and &gt; 0, or a ρ outside [0, 1).</exception>
    public KerasRmsprop(IEnumerable<Parameter> parameters, float learningRate, float rho, float epsilon)
        : base(parameters, slotCount: 1)
    {
        _learningRate = (float)Hyperparameter.Positive(learningRate, nameof(learningRate));
        _rho = (float)Hyperparameter.Decay(rho, nameof(rho));
        _epsilon = (float)Hyperparameter.Positive(epsilon, nameof(epsilon));
    }

    protected override unsafe void Update(float* p, float* g, float** slots, int n, int t)
    {
        float lr = _learningRate, rho = _rho, c = 1f - _rho, eps = _epsilon;
        var a = slots[0];
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            Vector<float> vlr = new(lr), vrho = new(rho), vc = new(c), veps = new(eps);
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                var gi = Vector.Load(g + i);
                var ai = vrho * Vector.Load(a + i) + vc * (gi * gi);
                ai.Store(a + i);
                (Vector.Load(p + i) - vlr * gi / (Vector.SquareRoot(ai) + veps)).Store(p + i);
            }
        }
        for (; i < n; i++)
        {
            var gi = g[i];
            var ai = a[i] = rho * a[i] + c * (gi * gi);
            p[i] -= lr * gi / (MathF.Sqrt(ai) + eps);
        }
    }
}

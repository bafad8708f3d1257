using System.Numerics;
using TorchSharp.Modules;

namespace Harness.Training.Optimizers;

/// <summary>
/// Adadelta exactly as Keras 2.2.4 writes it (keras/optimizers.py, no decay), in float32, with two slots, the squared-gradient
/// accumulator a and the squared-update accumulator d, both starting at 0:
/// <code>
/// a = rho * a + (1. - rho) * g^2                      # new accumulator
/// u = g * sqrt(d + epsilon) / sqrt(a + epsilon)       # (g * sqrt(..)) / sqrt(..), with the new a and the old d
/// p = p - lr * u
/// d = rho * d + (1 - rho) * u^2
/// </code>
/// Unlike RMSprop's and Adam's, Adadelta's ρ and ε are Python floats, not backend variables: <c>1. - rho</c> is computed in
/// double and then rounded to float32 (0.05000000074505806 for ρ = 0.95, where float32 arithmetic would give
/// 0.050000011920929). The learning rate is a float32 variable (default 1.0); ε defaults to K.epsilon() = 1e-7.
/// </summary>
internal sealed class KerasAdadelta : SlotOptimizer
{
    private readonly float _learningRate, _rho, _complement, _epsilon;

    /// <exception cref="ArgumentOutOfRangeException">A learning rate or ε that is not finite and &gt; 0, or a ρ outside
    /// [0, 1).</exception>
    public KerasAdadelta(IEnumerable<Parameter> parameters, double learningRate, double rho, double epsilon)
        : base(parameters, slotCount: 2)
    {
        _learningRate = (float)Hyperparameter.Positive(learningRate, nameof(learningRate));
        _rho = (float)Hyperparameter.Decay(rho, nameof(rho));
        _complement = (float)(1.0 - rho);
        _epsilon = (float)Hyperparameter.Positive(epsilon, nameof(epsilon));
    }

    protected override unsafe void Update(float* p, float* g, float** slots, int n, int t)
    {
        float lr = _learningRate, rho = _rho, c = _complement, eps = _epsilon;
        float* a = slots[0], d = slots[1];
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            Vector<float> vlr = new(lr), vrho = new(rho), vc = new(c), veps = new(eps);
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                var gi = Vector.Load(g + i);
                var ai = vrho * Vector.Load(a + i) + vc * (gi * gi);
                ai.Store(a + i);
                var di = Vector.Load(d + i);
                var ui = gi * Vector.SquareRoot(di + veps) / Vector.SquareRoot(ai + veps);
                (Vector.Load(p + i) - vlr * ui).Store(p + i);
                (vrho * di + vc * (ui * ui)).Store(d + i);
            }
        }
        for (; i < n; i++)
        {
            var gi = g[i];
            var ai = a[i] = rho * a[i] + c * (gi * gi);
            var ui = gi * MathF.Sqrt(d[i] + eps) / MathF.Sqrt(ai + eps);
            p[i] -= lr * ui;
            d[i] = rho * d[i] + c * (ui * ui);
        }
    }
}

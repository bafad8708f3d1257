using System.Numerics;
using TorchSharp.Modules;

namespace Harness.Training.Optimizers;

/// <summary>
/// Adam exactly as Keras 2.1.3–2.2.4 writes it (keras/optimizers.py), in float32:
/// <code>
/// t += 1
/// lr_t = lr * sqrt(1 - beta_2^t) / (1 - beta_1^t)
/// m = beta_1 * m + (1 - beta_1) * g
/// v = beta_2 * v + (1 - beta_2) * g^2
/// p = p - lr_t * m / (sqrt(v) + epsilon)          # epsilon = 1e-7
/// </code>
/// torch.optim.Adam instead adds ε to √v̂ after bias correction (see <see cref="TorchAdam"/>); the two agree
/// only when ε is negligible next to √v, which early steps and dead units do not guarantee.
/// </summary>
internal sealed class KerasAdam : AdamState
{
    private readonly float _learningRate, _beta1, _beta2, _epsilon;

    /// <exception cref="ArgumentOutOfRangeException">A learning rate or ε that is not finite and &gt; 0, or a β outside [0, 1).</exception>
    public KerasAdam(IEnumerable<Parameter> parameters, float learningRate, float beta1, float beta2, float epsilon)
        : base(parameters)
    {
        _learningRate = (float)Hyperparameter.Positive(learningRate, nameof(learningRate));
        _beta1 = (float)Hyperparameter.Decay(beta1, nameof(beta1));
        _beta2 = (float)Hyperparameter.Decay(beta2, nameof(beta2));
        _epsilon = (float)Hyperparameter.Positive(epsilon, nameof(epsilon));
    }

    /// <summary>lr_t in float32, as TensorFlow evaluates Keras's expression.</summary>
    public float StepSize(int t) =>
        _learningRate * (MathF.Sqrt(1f - MathF.Pow(_beta2, t)) / (1f - MathF.Pow(_beta1, t)));

    protected override unsafe void Update(float* p, float* g, float* m, float* v, int n, int t)
    {
        float lrT = StepSize(t), b1 = _beta1, b2 = _beta2, c1 = 1f - _beta1, c2 = 1f - _beta2, eps = _epsilon;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            Vector<float> vb1 = new(b1), vb2 = new(b2), vc1 = new(c1), vc2 = new(c2), vlr = new(lrT), veps = new(eps);
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                var gi = Vector.Load(g + i);
                var mi = vb1 * Vector.Load(m + i) + vc1 * gi;
                var vi = vb2 * Vector.Load(v + i) + vc2 * (gi * gi);
                mi.Store(m + i);
                vi.Store(v + i);
                (Vector.Load(p + i) - vlr * mi / (Vector.SquareRoot(vi) + veps)).Store(p + i);
            }
        }
        for (; i < n; i++)
        {
            var gi = g[i];
            var mi = m[i] = b1 * m[i] + c1 * gi;
            var vi = v[i] = b2 * v[i] + c2 * (gi * gi);
            p[i] -= lrT * mi / (MathF.Sqrt(vi) + eps);
        }
    }
}

using System.Numerics;
using TorchSharp.Modules;

namespace Harness.Training.Optimizers;

/// <summary>
/// torch.optim.Adam's single-tensor algorithm (PyTorch 2.x, no weight decay, no amsgrad):
/// <code>
/// m = m + (1 - beta1) * (g - m)                   # exp_avg.lerp_(grad, 1 - beta1)
/// v = beta2 * v + (1 - beta2) * g^2
/// p = p - (lr / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)   # eps = 1e-8
/// </code>
/// Here ε is added after bias correction, unlike Keras (<see cref="KerasAdam"/>).
/// </summary>
internal sealed class TorchAdam : AdamState
{
    private readonly double _learningRate, _beta1, _beta2, _epsilon;

    /// <exception cref="ArgumentOutOfRangeException">A learning rate or ε that is not finite and &gt; 0, or a β outside [0, 1).</exception>
    public TorchAdam(IEnumerable<Parameter> parameters, double learningRate, double beta1, double beta2, double epsilon)
        : base(parameters)
    {
        _learningRate = Hyperparameter.Positive(learningRate, nameof(learningRate));
        _beta1 = Hyperparameter.Decay(beta1, nameof(beta1));
        _beta2 = Hyperparameter.Decay(beta2, nameof(beta2));
        _epsilon = Hyperparameter.Positive(epsilon, nameof(epsilon));
    }

    protected override unsafe void Update(float* p, float* g, float* m, float* v, int n, int t)
    {
        // Python computes the bias corrections in double; the tensor ops then apply them as float32.
        var stepSize = (float)(_learningRate / (1 - Math.Pow(_beta1, t)));
        var correction2Sqrt = (float)Math.Sqrt(1 - Math.Pow(_beta2, t));
        float c1 = (float)(1 - _beta1), b2 = (float)_beta2, c2 = (float)(1 - _beta2), eps = (float)_epsilon;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            Vector<float> vc1 = new(c1), vb2 = new(b2), vc2 = new(c2), vstep = new(stepSize), vcorr = new(correction2Sqrt), veps = new(eps);
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                var gi = Vector.Load(g + i);
                var mi = Vector.Load(m + i);
                mi += vc1 * (gi - mi);
                var vi = vb2 * Vector.Load(v + i) + vc2 * (gi * gi);
                mi.Store(m + i);
                vi.Store(v + i);
                (Vector.Load(p + i) - vstep * mi / (Vector.SquareRoot(vi) / vcorr + veps)).Store(p + i);
            }
        }
        for (; i < n; i++)
        {
            var gi = g[i];
            var mi = m[i] += c1 * (gi - m[i]);
            var vi = v[i] = b2 * v[i] + c2 * (gi * gi);
            p[i] -= stepSize * mi / (MathF.Sqrt(vi) / correction2Sqrt + eps);
        }
    }
}

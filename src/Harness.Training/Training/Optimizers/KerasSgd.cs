using System.Numerics;
using TorchSharp.Modules;

namespace Harness.Training.Optimizers;

/// <summary>
/// SGD exactly as Keras 2.2.4 writes it (keras/optimizers.py, no decay), in float32, with one slot, the
/// velocity m, starting at 0:
/// <code>
/// v = momentum * m - lr * g          # (momentum * m) - (lr * g)
/// m = v
/// p = p + momentum * v - lr * g      # nesterov: (p + momentum * v) - (lr * g)
/// p = p + v                          # otherwise
/// </code>
/// Keras keeps the velocity even when momentum is 0; then <c>p + v</c> is exactly <c>p - lr * g</c>, so the
/// same code serves plain SGD. torch.optim.SGD differs (its buffer is <c>momentum * buf + g</c>, lr applied
/// afterwards, and the first step copies g), which is why the formula is written out here.
/// </summary>
internal sealed class KerasSgd : SlotOptimizer
{
    private readonly float _learningRate, _momentum;
    private readonly bool _nesterov;

    /// <exception cref="ArgumentOutOfRangeException">A learning rate that is not finite and &gt; 0, or a momentum
    /// outside [0, 1].</exception>
    public KerasSgd(IEnumerable<Parameter> parameters, float learningRate, float momentum, bool nesterov)
        : base(parameters, slotCount: 1)
    {
        _learningRate = (float)Hyperparameter.Positive(learningRate, nameof(learningRate));
        _momentum = (float)Hyperparameter.Momentum(momentum, nameof(momentum));
        _nesterov = nesterov;
    }

    protected override unsafe void Update(float* p, float* g, float** slots, int n, int t)
    {
        float lr = _learningRate, mu = _momentum;
        var nesterov = _nesterov;
        var m = slots[0];
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            Vector<float> vlr = new(lr), vmu = new(mu);
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                var gi = Vector.Load(g + i);
                var vi = vmu * Vector.Load(m + i) - vlr * gi;
                vi.Store(m + i);
                (nesterov ? Vector.Load(p + i) + vmu * vi - vlr * gi : Vector.Load(p + i) + vi).Store(p + i);
            }
        }
        for (; i < n; i++)
        {
            var gi = g[i];
            var vi = m[i] = mu * m[i] - lr * gi;
            p[i] = nesterov ? p[i] + mu * vi - lr * gi : p[i] + vi;
        }
    }
}

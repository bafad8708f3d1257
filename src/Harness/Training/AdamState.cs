using Harness.Native;
using TorchSharp.Modules;

namespace Harness.Training;

/// <summary>
/// Adam's per-parameter moments and step count, with a single-pass, vectorised update over the raw
/// float32 buffers of each parameter and its gradient. One pass instead of the ~6 tensor ops an
/// elementwise formulation needs keeps the optimizer's memory traffic small next to the matmuls.
/// The vector and scalar paths do the same IEEE operations in the same order (no fused multiply-add),
/// so results do not depend on the vector width.
/// </summary>
public abstract class AdamState : IOptimizer
{
    private readonly Parameter[] _parameters;
    private readonly float[][] _m, _v;

    protected AdamState(IEnumerable<Parameter> parameters)
    {
        _parameters = parameters.ToArray();
        _m = _parameters.Select(p => new float[p.numel()]).ToArray();
        _v = _parameters.Select(p => new float[p.numel()]).ToArray();
    }

    /// <summary>Updates taken so far (Keras's and torch's <c>t</c>).</summary>
    public int Steps { get; private set; }

    public unsafe void Step()
    {
        Steps++;
        for (var i = 0; i < _parameters.Length; i++)
        {
            var parameter = _parameters[i];
            using var grad = parameter.grad ?? throw new InvalidOperationException($"Parameter {i} has no gradient.");
            fixed (float* m = _m[i], v = _v[i])
            {
                Update(TensorMemory.Float32(parameter), TensorMemory.Float32(grad), m, v, _m[i].Length, Steps);
            }
        }
    }

    protected abstract unsafe void Update(float* p, float* g, float* m, float* v, int n, int t);
}

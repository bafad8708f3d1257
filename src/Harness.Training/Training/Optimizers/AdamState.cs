using TorchSharp.Modules;

namespace Harness.Training.Optimizers;

/// <summary>
/// Adam's two slots per parameter element, the first and second moments m and v (see <see cref="SlotOptimizer"/>
/// for the single-pass update and why its vector and scalar paths agree).
/// </summary>
internal abstract class AdamState(IEnumerable<Parameter> parameters) : SlotOptimizer(parameters, slotCount: 2)
{
    protected sealed override unsafe void Update(float* p, float* g, float** slots, int n, int t) =>
        Update(p, g, slots[0], slots[1], n, t);

    protected abstract unsafe void Update(float* p, float* g, float* m, float* v, int n, int t);
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Harness.Native;
using TorchSharp.Modules;

namespace Harness.Training.Optimizers;

/// <summary>
/// An optimizer that keeps K float32 values per parameter element (TensorFlow calls them slots: Adam's m and v,
/// SGD's velocity, RMSprop's and Adagrad's accumulators), all starting at 0 as Keras's <c>K.zeros</c> do, and
/// updates each parameter in a single pass over the raw float32 buffers of the parameter, its gradient and its
/// slots. One pass instead of the several tensor ops an elementwise formulation needs keeps the optimizer's memory
/// traffic small next to the matmuls.
/// <para>Subclasses write the vector and the scalar path with the same IEEE operations in the same order, as
/// Python evaluates Keras's expression, and no fused multiply-add, so results do not depend on the vector width
/// (nor on where a parameter's scalar tail begins).</para>
/// </summary>
internal abstract class SlotOptimizer : IOptimizer
{
    private readonly Parameter[] _parameters;

    // _slots[parameter][slot]: arrays on the pinned object heap never move, so their addresses are taken once.
    private readonly float[][][] _slots;
    private readonly nint[][] _slotAddresses;

    protected SlotOptimizer(IEnumerable<Parameter> parameters, int slotCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slotCount);
        _parameters = parameters.ToArray();
        _slots = _parameters
            .Select(p =>
                Enumerable.Range(0, slotCount).Select(_ => GC.AllocateArray<float>(checked((int)p.numel()), pinned: true)).ToArray())
            .ToArray();
        _slotAddresses = _slots.Select(slots => slots.Select(AddressOf).ToArray()).ToArray();
        SlotCount = slotCount;
    }

    /// <summary>Values kept per parameter element.</summary>
    public int SlotCount { get; }

    /// <summary>Updates taken so far (Keras's <c>iterations</c>, torch's <c>step</c>; only Adam reads it).</summary>
    public int Steps { get; private set; }

    public unsafe void Step()
    {
        Steps++;
        for (var i = 0; i < _parameters.Length; i++)
        {
            var parameter = _parameters[i];
            using var grad = parameter.grad ?? throw new InvalidOperationException($"Parameter {i} has no gradient.");
            fixed (nint* slots = _slotAddresses[i])
            {
                Update(TensorMemory.Float32(parameter), TensorMemory.Float32(grad), (float**)slots, _slots[i][0].Length, Steps);
            }
        }
    }

    /// <summary>Updates one parameter of <paramref name="n"/> elements in place, with its gradient
    /// <paramref name="g"/> and its slots <c>slots[0 .. SlotCount)</c>, at step <paramref name="t"/> (1 on the first call).</summary>
    protected abstract unsafe void Update(float* p, float* g, float** slots, int n, int t);

    private static unsafe nint AddressOf(float[] pinned) =>
        (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));
}

using System.Runtime.InteropServices;
using TorchSharp;

namespace Harness.Native;

/// <summary>
/// Raw access to a tensor's float32 storage, for the optimizer's single-pass update. TorchSharp 0.107 keeps its
/// <c>THSTensor_data</c> binding internal, so the export is resolved here from the same LibTorchSharp that
/// TorchSharp loaded (through the libstdc++ workaround's resolver, where it is in force).
/// </summary>
internal static unsafe class TensorMemory
{
    private static readonly delegate* unmanaged<IntPtr, IntPtr> Data = Resolve();

    public static float* Float32(torch.Tensor tensor)
    {
        if (tensor.dtype != torch.ScalarType.Float32 || !tensor.is_contiguous() || tensor.device_type != DeviceType.CPU)
            throw new ArgumentException(
                $"Expected a contiguous float32 CPU tensor, found {tensor.dtype} on {tensor.device_type} " +
                $"(contiguous: {tensor.is_contiguous()}).",
                nameof(tensor));
        return (float*)Data(tensor.Handle);
    }

    private static delegate* unmanaged<IntPtr, IntPtr> Resolve()
    {
        var library = NativeLibrary.Load("LibTorchSharp", typeof(torch).Assembly, null);
        return (delegate* unmanaged<IntPtr, IntPtr>)NativeLibrary.GetExport(library, "THSTensor_data");
    }
}

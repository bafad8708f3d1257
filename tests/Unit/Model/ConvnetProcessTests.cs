namespace Harness.Tests.Unit.Model;

/// <summary>
/// A tiny convnet experiment run from its folder by the real program, in two processes: the quick loop's check of what the
/// cross-CPU tests hold across emulated CPUs.
/// </summary>
public sealed class ConvnetProcessTests
{
    [Test]
    public void Two_processes_write_identical_histories_and_no_operation_goes_through_onednn()
    {
        using var convnet = new TinyConvnet();
        var first = Path.Combine(convnet.DataDirectory, "first");
        var second = Path.Combine(convnet.DataDirectory, "second");

        // ONEDNN_VERBOSE=1 makes oneDNN print a line for every primitive it runs. ATen's own conv2d goes through oneDNN, whose
        // kernels follow the CPU's ISA whatever ATEN_CPU_CAPABILITY says (AVX-512 on a Xeon, AVX2 on an emulated Haswell: other
        // bits, measured for issue 21); the harness's im2col convolutions must not.
        var (_, output) = convnet.Reproduce(first, new Dictionary<string, string?> { ["ONEDNN_VERBOSE"] = "1" }, null, "--workers", "1");
        convnet.Reproduce(second, emulatedCpu: null, "--workers", "2");

        Assert.That(output, Does.Contain("4 without baseline"), output);
        Assert.That(output, Does.Not.Contain("onednn_verbose"), "no oneDNN primitive ran");
        Assert.That(convnet.Histories(second), Is.EqualTo(convnet.Histories(first)), "one worker or two, two processes: the same bits");
        Assert.That(convnet.Histories(first), Does.Contain("conv2d_1.filters"), "the layer value axis is a column of the CSV");
    }
}

using Harness.Native;
using TorchSharp;

namespace Harness.Tests.Unit.Native;

/// <summary>Proves TorchSharp's native library loads and computes in the test host.</summary>
public sealed class TorchSmokeTests
{
    [Test]
    public void Matmul_computes()
    {
        using var a = torch.tensor(new float[] { 1, 2, 3, 4 }, [2, 2]);
        using var b = torch.tensor(new float[] { 5, 6, 7, 8 }, [2, 2]);
        using var c = a.matmul(b);
        Assert.That(c.data<float>().ToArray(), Is.EqualTo(new float[] { 19, 22, 43, 50 }));
    }

    [Test]
    public void Backward_pass_computes_gradients()
    {
        using var x = torch.tensor(new float[] { 1, 2, 3 }).requires_grad_();
        using var y = (x * x).sum();
        y.backward();
        Assert.That(x.grad!.data<float>().ToArray(), Is.EqualTo(new float[] { 2, 4, 6 }));
    }

    [Test]
    public void Runs_with_the_configured_intra_op_threads()
    {
        Assert.That(TorchRuntime.Profile, Is.Not.Null);
        Assert.That(torch.get_num_threads(), Is.EqualTo(TorchRuntime.Profile!.IntraOpThreads));
    }
}

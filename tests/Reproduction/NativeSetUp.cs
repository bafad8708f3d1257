using Harness.Native;
using Harness.Tests.Reproduction;

// No namespace: NUnit runs this once before every test in the assembly.
[SetUpFixture]
public sealed class NativeSetUp
{
    /// <summary>The experiment's own numerics profile (experiment.json's "numerics", or HARNESS__numerics), in force before
    /// anything touches TorchSharp.</summary>
    [OneTimeSetUp]
    public void InitializeTorch() => TorchRuntime.Initialize(Session.Definition.Numerics);
}
